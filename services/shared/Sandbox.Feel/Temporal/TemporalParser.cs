using System.Globalization;
using System.Text.RegularExpressions;

namespace Sandbox.Feel.Temporal;

/// <summary>Parses the ISO 8601 forms FEEL accepts for dates, times, date-times and durations.</summary>
internal static partial class TemporalParser
{
    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2}|@[A-Za-z0-9_+\-/]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    public static FeelValue ParseDate(string text)
    {
        var m = DatePattern().Match(text);
        if (!m.Success) return FeelValue.Null;
        return MakeDate(Int(m.Groups[1]), Int(m.Groups[2]), Int(m.Groups[3]));
    }

    public static FeelValue MakeDate(decimal year, decimal month, decimal day)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || year != decimal.Truncate(year)
            || month != decimal.Truncate(month) || day != decimal.Truncate(day))
        {
            return FeelValue.Null;
        }
        return day > DateTime.DaysInMonth((int)year, (int)month)
            ? FeelValue.Null
            : FeelValue.Date(new DateOnly((int)year, (int)month, (int)day));
    }

    public static FeelValue ParseTime(string text) => TryParseTime(text) is { } time ? FeelValue.TimeOf(time) : FeelValue.Null;

    public static FeelTime? TryParseTime(string text)
    {
        var m = TimePattern().Match(text);
        if (!m.Success) return null;
        int hour = Int(m.Groups[1]), minute = Int(m.Groups[2]);
        var second = m.Groups[3].Success ? Int(m.Groups[3]) : 0;
        if (hour == 24 && minute == 0 && second == 0) hour = 0;
        if (hour > 23 || minute > 59 || second > 59) return null;
        long ticks = new TimeSpan(hour, minute, second).Ticks;
        if (m.Groups[4].Success)
        {
            var fraction = decimal.Parse("0" + m.Groups[4].Value, CultureInfo.InvariantCulture);
            ticks += (long)(fraction * TimeSpan.TicksPerSecond);
        }
        var (offset, zone) = ParseZone(m.Groups[5].Value);
        if (zone is not null && TemporalZones.Find(zone) is null) return null;
        return new FeelTime(new TimeOnly(ticks), offset, zone);
    }

    public static FeelValue ParseDateTime(string text)
    {
        var t = text.IndexOf('T');
        if (t < 0)
        {
            var date = ParseDate(text);
            return date.IsNull ? date : FeelValue.DateTimeOf(FeelDateTime.FromDate(date.RawDate));
        }
        var datePart = ParseDate(text[..t]);
        var timePart = TryParseTime(text[(t + 1)..]);
        if (datePart.IsNull || timePart is null) return FeelValue.Null;
        var local = datePart.RawDate.ToDateTime(timePart.Local);
        return FeelValue.DateTimeOf(new FeelDateTime(local, timePart.Offset, timePart.Zone));
    }

    public static FeelValue ParseDuration(string text)
    {
        var m = DurationPattern().Match(text);
        if (!m.Success || text.EndsWith('P') || text.EndsWith('T')) return FeelValue.Null;
        var negative = m.Groups[1].Success;
        var hasYm = m.Groups[2].Success || m.Groups[3].Success;
        var hasDt = m.Groups[4].Success || m.Groups[5].Success || m.Groups[6].Success || m.Groups[7].Success;
        if (hasYm && hasDt) return FeelValue.Null;
        try
        {
            if (hasYm)
            {
                var months = checked(Long(m.Groups[2]) * 12 + Long(m.Groups[3]));
                return FeelValue.YearsMonths(checked((int)(negative ? -months : months)));
            }
            var seconds = Dec(m.Groups[4]) * 86400 + Dec(m.Groups[5]) * 3600 + Dec(m.Groups[6]) * 60 + Dec(m.Groups[7]);
            return FeelValue.DaysTimeSeconds(negative ? -seconds : seconds);
        }
        catch (OverflowException)
        {
            return FeelValue.Null;
        }
    }

    /// <summary>Parses the text of a temporal literal <c>@"..."</c> by its shape.</summary>
    public static FeelValue ParseLiteral(string text)
    {
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal)) return ParseDuration(text);
        if (text.Contains('T')) return ParseDateTime(text);
        return text.Length > 2 && text[2] == ':' ? ParseTime(text) : ParseDate(text);
    }

    private static (TimeSpan? Offset, string? Zone) ParseZone(string text)
    {
        if (text.Length == 0) return (null, null);
        if (text is "Z" or "z") return (TimeSpan.Zero, null);
        if (text[0] == '@') return (null, text[1..]);
        var sign = text[0] == '-' ? -1 : 1;
        var span = new TimeSpan(int.Parse(text.AsSpan(1, 2), CultureInfo.InvariantCulture),
            int.Parse(text.AsSpan(4, 2), CultureInfo.InvariantCulture), 0);
        return (sign * span, null);
    }

    private static int Int(Group g) => int.Parse(g.ValueSpan, CultureInfo.InvariantCulture);
    private static long Long(Group g) => g.Success ? long.Parse(g.ValueSpan, CultureInfo.InvariantCulture) : 0;
    private static decimal Dec(Group g) => g.Success ? decimal.Parse(g.ValueSpan, CultureInfo.InvariantCulture) : 0;
}
