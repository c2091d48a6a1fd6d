using System.Globalization;

namespace Sandbox.Identity.NationalIds;

/// <summary>
/// Swedish personnummer: YYMMDD-NNNC (or the 12-digit YYYYMMDDNNNC form). C is the Luhn check digit
/// over the ten-digit form; a '+' separator marks a person aged 100 or more. Stored in the
/// 12-digit form.
/// </summary>
public static class SwedishPersonnummer
{
    public static string Generate(DateOnly birthDate, int serial)
    {
        var body = birthDate.ToString("yyMMdd", CultureInfo.InvariantCulture) + (serial % 1000).ToString("000", CultureInfo.InvariantCulture);
        return birthDate.ToString("yyyy", CultureInfo.InvariantCulture) + body[2..] + Luhn(body);
    }

    /// <summary>Parses and checks a number; returns the 12-digit form, or null when invalid.</summary>
    public static string? Normalize(string input, DateOnly today)
    {
        var text = input.Trim();
        var centenarian = text.Contains('+');
        var digits = new string(text.Where(c => c is not ('-' or '+')).ToArray());
        if (!digits.All(char.IsAsciiDigit) || text.Length - digits.Length > 1) return null;

        string century;
        if (digits.Length == 12)
        {
            century = digits[..2];
            digits = digits[2..];
        }
        else if (digits.Length == 10)
        {
            var yy = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            var year = today.Year / 100 * 100 + yy;
            if (year > today.Year) year -= 100;
            if (centenarian) year -= 100;
            century = (year / 100).ToString(CultureInfo.InvariantCulture);
        }
        else return null;

        if (Luhn(digits[..9]) != digits[9] - '0') return null;
        var day = int.Parse(digits[4..6], CultureInfo.InvariantCulture);
        if (day > 60) day -= 60; // samordningsnummer
        var date = $"{century}{digits[..4]}{day:00}";
        if (!DateOnly.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return null;
        return century + digits;
    }

    public static DateOnly? BirthDate(string normalized) =>
        DateOnly.TryParseExact(normalized[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    internal static int Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }
}
