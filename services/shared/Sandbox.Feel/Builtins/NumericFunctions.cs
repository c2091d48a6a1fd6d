using Sandbox.Feel.Evaluation;

namespace Sandbox.Feel.Builtins;

internal enum Rounding : byte { HalfEven, Floor, Ceiling, Up, Down, HalfUp, HalfDown }

/// <summary>Numeric functions on decimals; an overflow or a bad argument gives null.</summary>
internal static class NumericFunctions
{
    public static void Register(Registry r)
    {
        r.Add("decimal", "n", "scale", (n, s) => Round(n, s, Rounding.HalfEven));
        r.Add("floor", "n", n => Round(n, FeelValue.Number(0), Rounding.Floor));
        r.Add("floor", "n", "scale", (n, s) => Round(n, s, Rounding.Floor));
        r.Add("ceiling", "n", n => Round(n, FeelValue.Number(0), Rounding.Ceiling));
        r.Add("ceiling", "n", "scale", (n, s) => Round(n, s, Rounding.Ceiling));
        r.Add("round up", "n", "scale", (n, s) => Round(n, s, Rounding.Up));
        r.Add("round down", "n", "scale", (n, s) => Round(n, s, Rounding.Down));
        r.Add("round half up", "n", "scale", (n, s) => Round(n, s, Rounding.HalfUp));
        r.Add("round half down", "n", "scale", (n, s) => Round(n, s, Rounding.HalfDown));
        r.Add("abs", "n", Abs);
        r.Add("modulo", "dividend", "divisor", Modulo);
        r.Add("sqrt", "number", n => Args.Num(n, out var x) && DecimalMath.Sqrt(x) is { } root ? FeelValue.Number(root) : FeelValue.Null);
        r.Add("log", "number", n => Real(n, x => x <= 0 ? double.NaN : Math.Log(x)));
        r.Add("exp", "number", n => Real(n, Math.Exp));
        r.Add("odd", "number", n => Parity(n, 1));
        r.Add("even", "number", n => Parity(n, 0));
    }

    public static FeelValue Round(FeelValue number, FeelValue scale, Rounding mode)
    {
        // DMN allows scales from -6111 to 6176; a decimal holds at most 28 places, so beyond that the
        // number is already exact, and below -28 every number rounds to zero or overflows.
        if (!Args.Num(number, out var n) || !Args.Int(scale, out var s) || s is < -6111 or > 6176) return FeelValue.Null;
        if (s > 28) return FeelValue.Number(n);
        if (s < -28) return n == 0 || !RoundsAwayFromZero(n, mode) ? FeelValue.Number(0) : FeelValue.Null;
        try
        {
            var factor = Arithmetic.Power(10m, s).RawNumber;
            return FeelValue.Number(RoundInteger(n * factor, mode) / factor);
        }
        catch (OverflowException)
        {
            return FeelValue.Null;
        }
    }

    private static bool RoundsAwayFromZero(decimal n, Rounding mode) => mode switch
    {
        Rounding.Up => true,
        Rounding.Floor => n < 0,
        Rounding.Ceiling => n > 0,
        _ => false,
    };

    private static decimal RoundInteger(decimal v, Rounding mode)
    {
        var truncated = decimal.Truncate(v);
        var isHalf = Math.Abs(v - truncated) == 0.5m;
        return mode switch
        {
            Rounding.HalfEven => Math.Round(v, MidpointRounding.ToEven),
            Rounding.Floor => decimal.Floor(v),
            Rounding.Ceiling => decimal.Ceiling(v),
            Rounding.Up => truncated == v ? v : truncated + Math.Sign(v),
            Rounding.Down => truncated,
            Rounding.HalfUp => Math.Round(v, MidpointRounding.AwayFromZero),
            _ => isHalf ? truncated : Math.Round(v, MidpointRounding.AwayFromZero),
        };
    }

    private static FeelValue Abs(FeelValue value)
    {
        value = Args.Unwrap(value);
        return value.Kind switch
        {
            FeelValueKind.Number => FeelValue.Number(Math.Abs(value.RawNumber)),
            FeelValueKind.DaysTimeDuration => FeelValue.DaysTimeSeconds(Math.Abs(value.RawNumber)),
            FeelValueKind.YearsMonthsDuration => FeelValue.YearsMonths(Math.Abs((int)value.RawNumber)),
            _ => FeelValue.Null,
        };
    }

    private static FeelValue Modulo(FeelValue dividend, FeelValue divisor)
    {
        if (!Args.Num(dividend, out var a) || !Args.Num(divisor, out var b) || b == 0) return FeelValue.Null;
        try
        {
            return FeelValue.Number(a - b * decimal.Floor(a / b));
        }
        catch (OverflowException)
        {
            return FeelValue.Null;
        }
    }

    // A number that is not whole is neither odd nor even.
    private static FeelValue Parity(FeelValue number, int remainder) =>
        Args.Num(number, out var n) ? FeelValue.Boolean(n == decimal.Truncate(n) && Math.Abs(n % 2) == remainder) : FeelValue.Null;

    private static FeelValue Real(FeelValue number, Func<double, double> f) =>
        Args.Num(number, out var n) && DecimalMath.FromDouble(f((double)n)) is { } result ? FeelValue.Number(result) : FeelValue.Null;
}
