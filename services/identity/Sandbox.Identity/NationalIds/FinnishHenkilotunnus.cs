using System.Globalization;

namespace Sandbox.Identity.NationalIds;

/// <summary>
/// Finnish henkilötunnus: DDMMYYCZZZQ. C is the century sign ('+' 1800s; '-', Y, X, W, V, U 1900s;
/// A to F 2000s), ZZZ the individual number (900–999 are never given to real people, so
/// generated ones use them) and Q the check character: DDMMYYZZZ mod 31 in a fixed alphabet.
/// </summary>
public static class FinnishHenkilotunnus
{
    private const string CheckChars = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    public static string Generate(DateOnly birthDate, int serial)
    {
        var sign = birthDate.Year switch
        {
            >= 1800 and < 1900 => '+',
            >= 1900 and < 2000 => '-',
            >= 2000 and < 2100 => 'A',
            _ => throw new ArgumentOutOfRangeException(nameof(birthDate), "Henkilötunnus cover 1800 to 2099."),
        };
        var individual = 900 + serial % 100;
        var date = birthDate.ToString("ddMMyy", CultureInfo.InvariantCulture);
        return $"{date}{sign}{individual:000}{CheckChar(date, individual)}";
    }

    public static string? Normalize(string input)
    {
        var text = input.Trim().ToUpperInvariant();
        if (text.Length != 11 || !text[..6].All(char.IsAsciiDigit) || !text[7..10].All(char.IsAsciiDigit)) return null;
        var individual = int.Parse(text[7..10], CultureInfo.InvariantCulture);
        if (individual < 2) return null;
        if (CheckChar(text[..6], individual) != text[10]) return null;
        return BirthDate(text) is null ? null : text;
    }

    public static DateOnly? BirthDate(string hetu)
    {
        int? century = hetu[6] switch
        {
            '+' => 1800,
            '-' or 'Y' or 'X' or 'W' or 'V' or 'U' => 1900,
            'A' or 'B' or 'C' or 'D' or 'E' or 'F' => 2000,
            _ => null,
        };
        if (century is null) return null;
        var text = $"{century.Value / 100}{hetu[4..6]}{hetu[2..4]}{hetu[..2]}";
        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static char CheckChar(string ddmmyy, int individual) =>
        CheckChars[(int)(long.Parse(ddmmyy + individual.ToString("000", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) % 31)];
}
