using System.Globalization;
using Sandbox.Feel.Evaluation;
using Sandbox.Feel.Temporal;

namespace Sandbox.Feel.Builtins;

/// <summary>Clock and calendar functions; <c>today()</c> and <c>now()</c> read the engine's <see cref="TimeProvider"/>.</summary>
internal static class TemporalFunctions
{
    public static void Register(Registry r)
    {
        r.Add("today", (ref EvalState st) => FeelValue.Date(DateOnly.FromDateTime(st.Now.DateTime)));
        r.Add("now", (ref EvalState st) => FeelValue.DateTimeOf(new FeelDateTime(st.Now.DateTime, st.Now.Offset, null)));
        r.Add("day of week", "date", d => OnDate(d, date => FeelValue.String(date.DayOfWeek.ToString())));
        r.Add("day of year", "date", d => OnDate(d, date => FeelValue.Number(date.DayOfYear)));
        r.Add("week of year", "date", d => OnDate(d, date => FeelValue.Number(ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)))));
        r.Add("month of year", "date", d => OnDate(d, date =>
            FeelValue.String(CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month))));
        r.Add("years and months duration", "from", "to", YearsAndMonths);
    }

    private static FeelValue OnDate(FeelValue value, Func<DateOnly, FeelValue> body)
    {
        value = Args.Unwrap(value);
        return value.Kind switch
        {
            FeelValueKind.Date => body(value.RawDate),
            FeelValueKind.DateTime => body(DateOnly.FromDateTime(value.RawDateTime.Local)),
            _ => FeelValue.Null,
        };
    }

    private static FeelValue YearsAndMonths(FeelValue from, FeelValue to)
    {
        if (LocalOf(from) is not { } start || LocalOf(to) is not { } end) return FeelValue.Null;
        var months = (end.Year - start.Year) * 12 + end.Month - start.Month;
        // A month only counts once its day (and time) has been reached.
        if (months > 0 && end.AddMonths(-months) < start) months--;
        if (months < 0 && end.AddMonths(-months) > start) months++;
        return FeelValue.YearsMonths(months);
    }

    private static DateTime? LocalOf(FeelValue value) => value.Kind switch
    {
        FeelValueKind.Date => value.RawDate.ToDateTime(TimeOnly.MinValue),
        FeelValueKind.DateTime => value.RawDateTime.Local,
        _ => null,
    };
}
