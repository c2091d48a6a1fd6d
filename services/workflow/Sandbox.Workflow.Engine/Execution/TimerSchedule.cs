using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sandbox.Feel;
using Sandbox.Workflow.Engine.Model;

namespace Sandbox.Workflow.Engine.Execution;

/// <summary>When a timer is due: the first time, and for a cycle how many more times and how far apart.</summary>
/// <param name="DueAt">When the timer fires first.</param>
/// <param name="Repetitions">How many times it fires in all; -1 for a cycle without end.</param>
/// <param name="Interval">The ISO 8601 duration between repetitions of a cycle; null for one-off timers.</param>
public sealed record TimerDue(DateTimeOffset DueAt, int Repetitions, string? Interval);

/// <summary>
/// Works out when timers are due from ISO 8601 durations (<c>PT1H</c>, <c>P1M</c>), date-times and repeating
/// intervals (<c>R5/PT10M</c>, <c>R/P1D</c>, <c>R3/2025-01-01T08:00:00Z/P1D</c>). The host uses it for timer start events.
/// </summary>
public static partial class TimerSchedule
{
    /// <summary>Resolves a timer (evaluating a FEEL expression over the variables) relative to <paramref name="now"/>.</summary>
    /// <exception cref="FormatException">The timer value is not a valid duration, date-time or cycle.</exception>
    public static TimerDue Resolve(TimerDefinition timer, FeelEngine feel, FeelContext? variables, DateTimeOffset now)
    {
        var text = !FeelEngine.IsExpression(timer.Value) ? timer.Value
            : Text(variables is null ? feel.Compile(timer.Value).Evaluate((JsonObject?)null) : feel.Compile(timer.Value).Evaluate(variables));
        return timer.Kind switch
        {
            TimerKind.Duration => new(Add(now, text), 1, null),
            TimerKind.Date => new(Date(text), 1, null),
            _ => Cycle(text, now),
        };
    }

    /// <summary>The next time a cycle fires after the occurrence at <paramref name="previous"/>.</summary>
    public static DateTimeOffset Next(string interval, DateTimeOffset previous) => Add(previous, interval);

    internal static string? CheckLiteral(TimerDefinition timer)
    {
        try
        {
            Resolve(timer, FeelEngine.Default, null, DateTimeOffset.UnixEpoch);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    private static string Text(FeelValue value) =>
        value.TryGetString(out var s) ? s
        : value.ToJsonNode() is JsonValue json && json.TryGetValue<string>(out var iso) ? iso
        : throw new FormatException($"The timer expression gave {value}, not a duration, date-time or cycle");

    private static TimerDue Cycle(string text, DateTimeOffset now)
    {
        var parts = text.Trim().Split('/');
        var match = RepeatPattern().Match(parts[0]);
        if (parts.Length is < 2 or > 3 || !match.Success)
        {
            throw new FormatException($"'{text}' is not an ISO 8601 repeating interval such as R5/PT10M (cron expressions are not supported)");
        }
        var repetitions = match.Groups[1].Value.Length == 0 ? -1 : int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var interval = parts[^1];
        var due = parts.Length == 3 ? Date(parts[1]) : Add(now, interval);
        return new(due, repetitions, interval);
    }

    private static DateTimeOffset Date(string text) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date : throw new FormatException($"'{text}' is not an ISO 8601 date-time");

    private static DateTimeOffset Add(DateTimeOffset from, string duration)
    {
        var match = DurationPattern().Match(duration.Trim());
        if (!match.Success || duration.Trim() is "P" or "PT")
        {
            throw new FormatException($"'{duration}' is not an ISO 8601 duration such as PT1H or P30D");
        }
        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var seconds = match.Groups["s"].Success ? decimal.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0m;
        var sign = match.Groups["neg"].Success ? -1 : 1;
        return from.AddMonths(sign * (Part("y") * 12 + Part("mo")))
            .AddDays(sign * (Part("w") * 7 + Part("d")))
            .Add(sign * new TimeSpan(Part("h"), Part("mi"), 0))
            .AddTicks(sign * (long)(seconds * TimeSpan.TicksPerSecond));
    }

    [GeneratedRegex(@"^(?<neg>-)?P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^R(\d*)$")]
    private static partial Regex RepeatPattern();
}
