using System.Globalization;

namespace Sandbox.Identity.NationalIds;

/// <summary>
/// Norwegian fødselsnummer: DDMMYY III K1 K2. III (the individual number) also tells the century;
/// K1 and K2 are mod-11 check digits with fixed weights, and a remainder that gives 10 is invalid.
/// </summary>
public static class NorwegianFodselsnummer
{
    private static readonly int[] W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    private static readonly int[] W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>
    /// Builds a number for the birth date, trying individual numbers from <paramref name="start"/>
    /// until both check digits exist (about one in three fails K1 or K2).
    /// </summary>
    public static string Generate(DateOnly birthDate, int start)
    {
        var (low, high) = birthDate.Year switch
        {
            >= 1900 and < 2000 => (0, 499),
            >= 2000 and < 2040 => (500, 999),
            >= 1854 and < 1900 => (500, 749),
            _ => throw new ArgumentOutOfRangeException(nameof(birthDate), "Fødselsnummer cover 1854 to 2039."),
        };
        var span = high - low + 1;
        for (var i = 0; i < span; i++)
        {
            var individual = low + (start + i) % span;
            var body = birthDate.ToString("ddMMyy", CultureInfo.InvariantCulture) + individual.ToString("000", CultureInfo.InvariantCulture);
            if (Check(body, W1) is not { } k1 || Check(body + k1, W2) is not { } k2) continue;
            return $"{body}{k1}{k2}";
        }
        throw new InvalidOperationException("No individual number gives valid check digits.");
    }

    public static string? Normalize(string input)
    {
        var digits = input.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length != 11 || !digits.All(char.IsAsciiDigit)) return null;
        if (Check(digits[..9], W1) != digits[9] - '0' || Check(digits[..10], W2) != digits[10] - '0') return null;
        return BirthDate(digits) is null ? null : digits;
    }

    public static DateOnly? BirthDate(string digits)
    {
        var day = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        if (day > 40) day -= 40; // D-number
        var month = int.Parse(digits[2..4], CultureInfo.InvariantCulture);
        var yy = int.Parse(digits[4..6], CultureInfo.InvariantCulture);
        var individual = int.Parse(digits[6..9], CultureInfo.InvariantCulture);
        int? year = individual switch
        {
            <= 499 => 1900 + yy,
            <= 749 when yy >= 54 => 1800 + yy,
            _ when yy <= 39 => 2000 + yy,
            >= 900 when yy >= 40 => 1900 + yy,
            _ => null,
        };
        if (year is null || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year.Value, month)) return null;
        return new DateOnly(year.Value, month, day);
    }

    private static int? Check(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++) sum += (digits[i] - '0') * weights[i];
        var k = 11 - sum % 11;
        return k switch { 11 => 0, 10 => null, _ => k };
    }
}
