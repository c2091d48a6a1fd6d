using System.Globalization;

namespace Sandbox.Feel.Evaluation;

/// <summary>Functions that decimal lacks, computed without giving up more precision than necessary.</summary>
internal static class DecimalMath
{
    /// <summary>
    /// A double result as a decimal with all its round-trip digits; a plain cast would keep only 15.
    /// Null when the value is not finite or does not fit.
    /// </summary>
    public static decimal? FromDouble(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) >= (double)decimal.MaxValue) return null;
        return decimal.TryParse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float,
            CultureInfo.InvariantCulture, out var result) ? result : (decimal)value;
    }

    /// <summary>Square root to decimal precision: a double estimate refined by Newton's method.</summary>
    public static decimal? Sqrt(decimal value)
    {
        if (value < 0) return null;
        if (value == 0) return 0;
        var x = (decimal)Math.Sqrt((double)value);
        for (var i = 0; i < 4; i++)
        {
            var next = (x + value / x) / 2;
            if (next == x) break;
            x = next;
        }
        return x;
    }
}
