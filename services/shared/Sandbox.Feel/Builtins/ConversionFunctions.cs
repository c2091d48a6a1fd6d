using System.Globalization;
using Sandbox.Feel.Temporal;

namespace Sandbox.Feel.Builtins;

/// <summary><c>string</c>, <c>number</c>, <c>not</c> and the constructors of temporal values.</summary>
internal static class ConversionFunctions
{
    public static void Register(Registry r)
    {
        r.Add("string", "from", from => FeelValue.String(FeelFormatter.ToText(from)));
        r.Add("number", "from", from => Number(from, FeelValue.Null, FeelValue.Null));
        r.Add("number", "from", "grouping separator", "decimal separator", Number);
        r.Add("not", "negand", negand => negand.Kind == FeelValueKind.Boolean ? FeelValue.Boolean(!negand.IsTrue) : FeelValue.Null);
        r.Add("date", "from", Date);
        r.Add("date", "year", "month", "day", (y, m, d) =>
            Args.Num(y, out var year) && Args.Num(m, out var month) && Args.Num(d, out var day)
                ? TemporalParser.MakeDate(year, month, day)
                : FeelValue.Null);
        r.Add("time", "from", Time);
        r.Add("time", "hour", "minute", "second", (h, m, s) => MakeTime(h, m, s, FeelValue.Null));
        r.Add("time", ["hour", "minute", "second", "offset"], (ReadOnlySpan<FeelValue> a, ref Evaluation.EvalState _) => MakeTime(a[0], a[1], a[2], a[3]));
        r.Add("date and time", "from", DateAndTime);
        r.Add("date and time", "date", "time", DateAndTime);
        r.Add("duration", "from", from => Args.Str(from, out var text) ? TemporalParser.ParseDuration(text) : FeelValue.Null);
    }

    private static FeelValue Number(FeelValue from, FeelValue grouping, FeelValue separator)
    {
        if (!Args.Str(from, out var text)) return FeelValue.Null;
        string group = "", point = ".";
        if (!grouping.IsNull && (!Args.Str(grouping, out group) || group is not (" " or "," or "."))) return FeelValue.Null;
        if (!separator.IsNull && (!Args.Str(separator, out point) || point is not ("." or ","))) return FeelValue.Null;
        if (group == point) return FeelValue.Null;
        if (group.Length > 0) text = text.Replace(group, "", StringComparison.Ordinal);
        if (point != ".") text = text.Replace(point, ".", StringComparison.Ordinal);
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out var number) ? FeelValue.Number(number) : FeelValue.Null;
    }

    private static FeelValue Date(FeelValue from)
    {
        from = Args.Unwrap(from);
        return from.Kind switch
        {
            FeelValueKind.String => TemporalParser.ParseDate(from.RawString),
            FeelValueKind.Date => from,
            FeelValueKind.DateTime => FeelValue.Date(DateOnly.FromDateTime(from.RawDateTime.Local)),
            _ => FeelValue.Null,
        };
    }

    private static FeelValue Time(FeelValue from)
    {
        from = Args.Unwrap(from);
        return from.Kind switch
        {
            FeelValueKind.String => TemporalParser.ParseTime(from.RawString),
            FeelValueKind.Time => from,
            FeelValueKind.DateTime => FeelValue.TimeOf(new FeelTime(TimeOnly.FromDateTime(from.RawDateTime.Local),
                from.RawDateTime.Offset, from.RawDateTime.Zone)),
            FeelValueKind.Date => FeelValue.TimeOf(new FeelTime(TimeOnly.MinValue, TimeSpan.Zero, null)),
            _ => FeelValue.Null,
        };
    }

    private static FeelValue MakeTime(FeelValue h, FeelValue m, FeelValue s, FeelValue offset)
    {
        if (!Args.Int(h, out var hour) || !Args.Int(m, out var minute) || !Args.Num(s, out var second)
            || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or >= 60)
        {
            return FeelValue.Null;
        }
        TimeSpan? zone = null;
        if (!offset.IsNull)
        {
            if (offset.Kind != FeelValueKind.DaysTimeDuration || Math.Abs(offset.RawNumber) > 14 * 3600) return FeelValue.Null;
            zone = TimeSpan.FromSeconds((double)offset.RawNumber);
        }
        var ticks = new TimeSpan(hour, minute, 0).Ticks + (long)(second * TimeSpan.TicksPerSecond);
        return FeelValue.TimeOf(new FeelTime(new TimeOnly(ticks), zone, null));
    }

    private static FeelValue DateAndTime(FeelValue from)
    {
        from = Args.Unwrap(from);
        return from.Kind switch
        {
            FeelValueKind.String => TemporalParser.ParseDateTime(from.RawString),
            FeelValueKind.DateTime => from,
            FeelValueKind.Date => FeelValue.DateTimeOf(FeelDateTime.FromDate(from.RawDate)),
            _ => FeelValue.Null,
        };
    }

    private static FeelValue DateAndTime(FeelValue date, FeelValue time)
    {
        var day = Date(date);
        if (day.IsNull || time.Kind != FeelValueKind.Time) return FeelValue.Null;
        var t = time.RawTime;
        return FeelValue.DateTimeOf(new FeelDateTime(day.RawDate.ToDateTime(t.Local), t.Offset, t.Zone));
    }
}
