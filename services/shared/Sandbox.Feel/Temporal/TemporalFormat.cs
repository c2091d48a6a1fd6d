using System.Globalization;
using System.Text;

namespace Sandbox.Feel.Temporal;

/// <summary>Writes temporal values in the ISO 8601 forms FEEL's <c>string()</c> produces.</summary>
internal static class TemporalFormat
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(FeelTime time) => LocalTime(time.Local) + Zone(time.Offset, time.Zone);

    public static string DateTime(FeelDateTime value) =>
        Date(DateOnly.FromDateTime(value.Local)) + "T" + LocalTime(TimeOnly.FromDateTime(value.Local))
        + Zone(value.Offset, value.Zone);

    public static string YearsMonths(decimal totalMonths)
    {
        if (totalMonths == 0) return "P0M";
        var months = Math.Abs((long)totalMonths);
        var sb = new StringBuilder(totalMonths < 0 ? "-P" : "P");
        if (months / 12 != 0) sb.Append(months / 12).Append('Y');
        if (months % 12 != 0) sb.Append(months % 12).Append('M');
        return sb.ToString();
    }

    public static string DaysTime(decimal totalSeconds)
    {
        if (totalSeconds == 0) return "PT0S";
        var rest = Math.Abs(totalSeconds);
        var days = decimal.Truncate(rest / 86400);
        rest -= days * 86400;
        var hours = decimal.Truncate(rest / 3600);
        rest -= hours * 3600;
        var minutes = decimal.Truncate(rest / 60);
        rest -= minutes * 60;
        var sb = new StringBuilder(totalSeconds < 0 ? "-P" : "P");
        if (days != 0) sb.Append(days.ToString(CultureInfo.InvariantCulture)).Append('D');
        if (hours != 0 || minutes != 0 || rest != 0) sb.Append('T');
        if (hours != 0) sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('H');
        if (minutes != 0) sb.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('M');
        if (rest != 0) sb.Append(NumberFormat.Format(rest)).Append('S');
        return sb.ToString();
    }

    private static string LocalTime(TimeOnly time)
    {
        var text = time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = time.Ticks % TimeSpan.TicksPerSecond;
        return fraction == 0 ? text : text + "." + fraction.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    private static string Zone(TimeSpan? offset, string? zone)
    {
        if (zone is not null) return "@" + zone;
        if (offset is not { } o) return "";
        if (o == TimeSpan.Zero) return "Z";
        return (o < TimeSpan.Zero ? "-" : "+") + o.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }
}

internal static class NumberFormat
{
    /// <summary>Invariant text without trailing zeros after the point (1.50 → 1.5).</summary>
    public static string Format(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    // Dividing by 1.000…0 drops trailing zeros from the decimal's scale.
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
