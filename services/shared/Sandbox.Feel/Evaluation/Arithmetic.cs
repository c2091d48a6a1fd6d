using Sandbox.Feel.Temporal;

namespace Sandbox.Feel.Evaluation;

internal enum ArithmeticOp : byte { Add, Subtract, Multiply, Divide, Power }

/// <summary>FEEL arithmetic: decimal numbers, string concatenation, temporal values and durations. Mismatches give null.</summary>
internal static class Arithmetic
{
    public static string Symbol(ArithmeticOp op) => op switch
    {
        ArithmeticOp.Add => "+",
        ArithmeticOp.Subtract => "-",
        ArithmeticOp.Multiply => "*",
        ArithmeticOp.Divide => "/",
        _ => "**",
    };

    public static FeelValue Apply(ArithmeticOp op, FeelValue a, FeelValue b, ref EvalState st)
    {
        try
        {
            if (a.Kind == FeelValueKind.Number && b.Kind == FeelValueKind.Number)
            {
                return Numbers(op, a.RawNumber, b.RawNumber);
            }
            if (a.IsNull || b.IsNull) return FeelValue.Null;
            return op switch
            {
                ArithmeticOp.Add => Add(a, b, ref st),
                ArithmeticOp.Subtract => Subtract(a, b),
                ArithmeticOp.Multiply => Multiply(a, b),
                ArithmeticOp.Divide => Divide(a, b),
                _ => FeelValue.Null,
            };
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return FeelValue.Null;
        }
    }

    private static FeelValue Numbers(ArithmeticOp op, decimal x, decimal y) => op switch
    {
        ArithmeticOp.Add => FeelValue.Number(x + y),
        ArithmeticOp.Subtract => FeelValue.Number(x - y),
        ArithmeticOp.Multiply => FeelValue.Number(x * y),
        ArithmeticOp.Divide => y == 0 ? FeelValue.Null : FeelValue.Number(x / y),
        _ => Power(x, y),
    };

    public static FeelValue Power(decimal x, decimal y)
    {
        if (y == decimal.Truncate(y) && Math.Abs(y) <= 10_000)
        {
            var result = 1m;
            var factor = x;
            for (var n = (long)Math.Abs(y); n > 0; n >>= 1)
            {
                if ((n & 1) == 1) result *= factor;
                if (n > 1) factor *= factor;
            }
            if (y >= 0) return FeelValue.Number(result);
            return result == 0 ? FeelValue.Null : FeelValue.Number(1m / result);
        }
        var real = Math.Pow((double)x, (double)y);
        return DecimalMath.FromDouble(real) is { } d ? FeelValue.Number(d) : FeelValue.Null;
    }

    public static FeelValue Negate(FeelValue a) => a.Kind switch
    {
        FeelValueKind.Number => FeelValue.Number(-a.RawNumber),
        FeelValueKind.YearsMonthsDuration => FeelValue.YearsMonths(-(int)a.RawNumber),
        FeelValueKind.DaysTimeDuration => FeelValue.DaysTimeSeconds(-a.RawNumber),
        _ => FeelValue.Null,
    };

    private static FeelValue Add(FeelValue a, FeelValue b, ref EvalState st)
    {
        switch (a.Kind, b.Kind)
        {
            case (FeelValueKind.String, FeelValueKind.String):
                st.CheckStringLength((long)a.RawString.Length + b.RawString.Length);
                return FeelValue.String(a.RawString + b.RawString);
            case (FeelValueKind.YearsMonthsDuration, FeelValueKind.YearsMonthsDuration):
                return FeelValue.YearsMonths(checked((int)(a.RawNumber + b.RawNumber)));
            case (FeelValueKind.DaysTimeDuration, FeelValueKind.DaysTimeDuration):
                return FeelValue.DaysTimeSeconds(a.RawNumber + b.RawNumber);
            case (FeelValueKind.YearsMonthsDuration or FeelValueKind.DaysTimeDuration, _):
                return Add(b, a, ref st);
            default:
                return Shift(a, b, 1);
        }
    }

    private static FeelValue Subtract(FeelValue a, FeelValue b)
    {
        switch (a.Kind, b.Kind)
        {
            case (FeelValueKind.YearsMonthsDuration, FeelValueKind.YearsMonthsDuration):
                return FeelValue.YearsMonths(checked((int)(a.RawNumber - b.RawNumber)));
            case (FeelValueKind.DaysTimeDuration, FeelValueKind.DaysTimeDuration):
                return FeelValue.DaysTimeSeconds(a.RawNumber - b.RawNumber);
            case (FeelValueKind.Date, FeelValueKind.Date):
                return FeelValue.DaysTimeSeconds((a.RawNumber - b.RawNumber) * 86400);
            case (FeelValueKind.Time, FeelValueKind.Time):
                return FeelValue.DaysTimeSeconds(a.RawTime.SecondsOfDay - b.RawTime.SecondsOfDay);
            case (FeelValueKind.DateTime or FeelValueKind.Date, FeelValueKind.DateTime or FeelValueKind.Date):
                return DateTimeDifference(ToDateTime(a, b), ToDateTime(b, a));
            default:
                return Shift(a, b, -1);
        }
    }

    private static FeelValue DateTimeDifference(FeelDateTime x, FeelDateTime y) =>
        FeelValue.DaysTimeSeconds(x.InstantSeconds - y.InstantSeconds);

    // A date meeting a date-time is taken as midnight in the date-time's zone.
    private static FeelDateTime ToDateTime(FeelValue value, FeelValue other) =>
        value.Kind == FeelValueKind.DateTime
            ? value.RawDateTime
            : other.RawDateTime.WithLocal(value.RawDate.ToDateTime(TimeOnly.MinValue));

    /// <summary>Moves a date, date-time or time by a duration (sign +1 or -1).</summary>
    private static FeelValue Shift(FeelValue temporal, FeelValue duration, int sign)
    {
        var months = duration.Kind == FeelValueKind.YearsMonthsDuration ? sign * (int)duration.RawNumber : (int?)null;
        var seconds = duration.Kind == FeelValueKind.DaysTimeDuration ? sign * duration.RawNumber : (decimal?)null;
        if (months is null && seconds is null) return FeelValue.Null;
        switch (temporal.Kind)
        {
            case FeelValueKind.Date:
                var date = temporal.RawDate;
                return months is { } m
                    ? FeelValue.Date(date.AddMonths(m))
                    : FeelValue.Date(DateOnly.FromDateTime(date.ToDateTime(TimeOnly.MinValue).AddTicks(Ticks(seconds!.Value))));
            case FeelValueKind.DateTime:
                var dt = temporal.RawDateTime;
                return FeelValue.DateTimeOf(months is { } mm ? dt.WithLocal(dt.Local.AddMonths(mm)) : dt.AddElapsed(Ticks(seconds!.Value)));
            case FeelValueKind.Time when seconds is { } s:
                var time = temporal.RawTime;
                return FeelValue.TimeOf(time with { Local = time.Local.Add(TimeSpan.FromTicks(Ticks(s))) });
            default:
                return FeelValue.Null;
        }
    }

    private static long Ticks(decimal seconds) => checked((long)(seconds * TimeSpan.TicksPerSecond));

    private static FeelValue Multiply(FeelValue a, FeelValue b)
    {
        if (a.Kind == FeelValueKind.Number) (a, b) = (b, a);
        if (b.Kind != FeelValueKind.Number) return FeelValue.Null;
        return a.Kind switch
        {
            FeelValueKind.YearsMonthsDuration => FeelValue.YearsMonths(checked((int)decimal.Truncate(a.RawNumber * b.RawNumber))),
            FeelValueKind.DaysTimeDuration => FeelValue.DaysTimeSeconds(a.RawNumber * b.RawNumber),
            _ => FeelValue.Null,
        };
    }

    private static FeelValue Divide(FeelValue a, FeelValue b)
    {
        var isDuration = a.Kind is FeelValueKind.YearsMonthsDuration or FeelValueKind.DaysTimeDuration;
        if (!isDuration || b.RawNumber == 0) return FeelValue.Null;
        if (b.Kind == a.Kind) return FeelValue.Number(a.RawNumber / b.RawNumber);
        if (b.Kind != FeelValueKind.Number) return FeelValue.Null;
        return a.Kind == FeelValueKind.YearsMonthsDuration
            ? FeelValue.YearsMonths(checked((int)decimal.Truncate(a.RawNumber / b.RawNumber)))
            : FeelValue.DaysTimeSeconds(a.RawNumber / b.RawNumber);
    }
}
