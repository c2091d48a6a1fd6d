using System.Globalization;

namespace Sandbox.Forms.Rendering.Internal;

/// <summary>The few texts the renderer adds itself, in en, sv, nb and fi.</summary>
internal sealed class Texts
{
    private static readonly Dictionary<string, string[]> All = new(StringComparer.Ordinal)
    {
        // en, sv, nb, fi
        ["required"] = ["(required)", "(obligatoriskt)", "(må fylles ut)", "(pakollinen)"],
        ["summary"] = ["To continue, correct the following:", "För att gå vidare, rätta följande:", "For å gå videre må du rette opp følgende:", "Korjaa seuraavat kohdat jatkaaksesi:"],
        ["choose"] = ["Choose…", "Välj…", "Velg…", "Valitse…"],
        ["add"] = ["Add another", "Lägg till en till", "Legg til en til", "Lisää uusi"],
        ["remove"] = ["Remove {0}", "Ta bort {0}", "Fjern {0}", "Poista {0}"],
        ["item"] = ["Item {0}", "Rad {0}", "Rad {0}", "Rivi {0}"],
        ["files"] = ["Attached files", "Bifogade filer", "Vedlagte filer", "Liitetyt tiedostot"],
        ["yes"] = ["Yes", "Ja", "Ja", "Kyllä"],
        ["no"] = ["No", "Nej", "Nei", "Ei"],
        ["unanswered"] = ["Not answered", "Inte besvarad", "Ikke besvart", "Ei vastattu"],
        ["change"] = ["Change", "Ändra", "Endre", "Muuta"],
    };

    private static readonly string[] Languages = ["en", "sv", "nb", "fi"];
    private readonly int _index;

    private Texts(string language, int index)
    {
        Language = language;
        _index = index;
        Culture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : language);
    }

    public string Language { get; }

    public CultureInfo Culture { get; }

    /// <summary>The texts for a language tag; <c>nn</c> and <c>no</c> read as <c>nb</c>; English when unknown.</summary>
    public static Texts For(string? language)
    {
        var primary = (language ?? "en").Split('-', '_')[0].ToLowerInvariant();
        if (primary is "no" or "nn") primary = "nb";
        var index = Array.IndexOf(Languages, primary);
        return index < 0 ? new Texts("en", 0) : new Texts(primary, index);
    }

    public string this[string name] => All[name][_index];

    public string Format(string name, object arg) => string.Format(Culture, this[name], arg);
}
