namespace Sandbox.Notifications.Templates;

/// <summary>
/// The languages a template may have and the fixed order in which a missing one is replaced:
/// <list type="number">
/// <item>the requested language;</item>
/// <item>its neighbour: <c>nn</c> → <c>nb</c>, <c>nb</c> → <c>nn</c>; for Northern Sami (<c>se</c>) the languages of the
/// tenant's country (Norway <c>nb</c>, <c>nn</c>; Sweden <c>sv</c>; Finland <c>fi</c>);</item>
/// <item>the tenant's main language (Sweden <c>sv</c>, Norway <c>nb</c>, Finland <c>fi</c>);</item>
/// <item><c>en</c>;</item>
/// <item>the template's first variant in the order <c>sv, nb, nn, fi, en, se</c>.</item>
/// </list>
/// </summary>
public static class Languages
{
    /// <summary>Every language a variant may be written in, in the order "first variant" uses.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["sv", "nb", "nn", "fi", "en", "se"];

    /// <summary>True for a supported language code.</summary>
    public static bool IsSupported(string? language) => language is not null && Supported.Contains(language);

    /// <summary>The tenant's main language by country: SE sv, NO nb, FI fi; otherwise en.</summary>
    public static string MainLanguage(string? country) => country?.ToUpperInvariant() switch
    {
        "SE" => "sv",
        "NO" => "nb",
        "FI" => "fi",
        _ => "en",
    };

    /// <summary>The order in which variants are tried for a request in <paramref name="language"/>.</summary>
    public static IReadOnlyList<string> FallbackOrder(string language, string? country)
    {
        var order = new List<string> { language };
        order.AddRange(language switch
        {
            "nn" => ["nb"],
            "nb" => ["nn"],
            "se" => country?.ToUpperInvariant() switch
            {
                "NO" => ["nb", "nn"],
                "SE" => ["sv"],
                "FI" => ["fi"],
                _ => ["nb", "sv", "fi"],
            },
            _ => [],
        });
        order.Add(MainLanguage(country));
        order.Add("en");
        order.AddRange(Supported);
        return order.Distinct().ToList();
    }

    /// <summary>The language of the variant to use, or null when the template has none.</summary>
    public static string? Choose(IReadOnlyCollection<string> available, string language, string? country) =>
        FallbackOrder(language, country).FirstOrDefault(available.Contains);
}
