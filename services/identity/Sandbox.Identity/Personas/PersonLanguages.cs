namespace Sandbox.Identity.Personas;

/// <summary>
/// The languages a person may prefer for messages: Swedish, Norwegian bokmål and nynorsk, Finnish,
/// English and Northern Sami (ISO 639-1 codes).
/// </summary>
public static class PersonLanguages
{
    public static IReadOnlyList<string> All { get; } = ["sv", "nb", "nn", "fi", "en", "se"];

    /// <summary>The language of the country (ISO 3166-1 alpha-2); English for any other.</summary>
    public static string DefaultFor(string country) => country.ToUpperInvariant() switch
    {
        "SE" => "sv",
        "NO" => "nb",
        "FI" => "fi",
        _ => "en",
    };

    public static bool IsKnown(string? language) => language is not null && All.Contains(language);
}
