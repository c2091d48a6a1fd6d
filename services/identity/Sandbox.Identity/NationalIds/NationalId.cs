namespace Sandbox.Identity.NationalIds;

/// <summary>Country dispatch for the national-id rules (SE, NO, FI).</summary>
public static class NationalId
{
    public static IReadOnlyList<string> Countries { get; } = ["SE", "NO", "FI"];

    /// <summary>The canonical form of a valid number of that country, or null.</summary>
    public static string? Normalize(string country, string input, DateOnly today) => country.ToUpperInvariant() switch
    {
        "SE" => SwedishPersonnummer.Normalize(input, today),
        "NO" => NorwegianFodselsnummer.Normalize(input),
        "FI" => FinnishHenkilotunnus.Normalize(input),
        _ => null,
    };

    /// <summary>Finds the country whose rules accept the number.</summary>
    public static (string Country, string Normalized)? Detect(string input, DateOnly today)
    {
        foreach (var country in Countries)
        {
            if (Normalize(country, input, today) is { } id) return (country, id);
        }
        return null;
    }

    public static DateOnly? BirthDate(string country, string normalized) => country switch
    {
        "SE" => SwedishPersonnummer.BirthDate(normalized),
        "NO" => NorwegianFodselsnummer.BirthDate(normalized),
        "FI" => FinnishHenkilotunnus.BirthDate(normalized),
        _ => null,
    };

    public static string Generate(string country, DateOnly birthDate, int serial) => country switch
    {
        "SE" => SwedishPersonnummer.Generate(birthDate, serial),
        "NO" => NorwegianFodselsnummer.Generate(birthDate, serial),
        "FI" => FinnishHenkilotunnus.Generate(birthDate, serial),
        _ => throw new ArgumentException($"Unknown country '{country}'.", nameof(country)),
    };
}
