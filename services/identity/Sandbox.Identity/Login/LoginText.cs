namespace Sandbox.Identity.Login;

/// <summary>The login pages' words in Swedish, Norwegian (bokmål), Finnish and English.</summary>
public static class LoginText
{
    public static IReadOnlyList<string> Languages { get; } = ["sv", "nb", "fi", "en"];

    public static readonly IReadOnlyDictionary<string, string> LanguageNames =
        new Dictionary<string, string> { ["sv"] = "Svenska", ["nb"] = "Norsk", ["fi"] = "Suomi", ["en"] = "English" };

    private static readonly Dictionary<string, string[]> Texts = new()
    {
        //                          sv, nb, fi, en
        ["title"] = ["Logga in", "Logg inn", "Kirjaudu sisään", "Sign in"],
        ["sandboxNote"] = ["Testmiljö: inga riktiga e-legitimationer används.", "Testmiljø: ingen ekte eID brukes.",
            "Testiympäristö: oikeita tunnistusvälineitä ei käytetä.", "Sandbox: no real eID is used."],
        ["citizen"] = ["Logga in som invånare", "Logg inn som innbygger", "Kirjaudu asukkaana", "Sign in as a citizen"],
        ["staff"] = ["Logga in som medarbetare", "Logg inn som ansatt", "Kirjaudu työntekijänä", "Sign in as staff"],
        ["choosePersona"] = ["Välj en testperson", "Velg en testperson", "Valitse testihenkilö", "Choose a test person"],
        ["orTypeId"] = ["eller skriv ett personnummer", "eller skriv et fødselsnummer", "tai kirjoita henkilötunnus", "or type a national id"],
        ["nationalId"] = ["Personnummer", "Fødselsnummer", "Henkilötunnus", "National id"],
        ["level"] = ["Tillitsnivå", "Sikkerhetsnivå", "Varmennustaso", "Level of assurance"],
        ["signIn"] = ["Logga in", "Logg inn", "Kirjaudu", "Sign in"],
        ["userName"] = ["Användarnamn", "Brukernavn", "Käyttäjätunnus", "User name"],
        ["password"] = ["Lösenord", "Passord", "Salasana", "Password"],
        ["back"] = ["Tillbaka", "Tilbake", "Takaisin", "Back"],
        ["guardianOf"] = ["vårdnadshavare till", "foresatt for", "huoltaja, lapset:", "guardian of"],
        ["protected"] = ["skyddad identitet", "beskyttet identitet", "turvakielto", "protected identity"],
        ["noPersona"] = ["Välj en testperson eller skriv ett giltigt nummer.", "Velg en testperson eller skriv et gyldig nummer.",
            "Valitse testihenkilö tai kirjoita kelvollinen tunnus.", "Choose a test person or type a valid number."],
        ["unknownId"] = ["Ingen testperson har det numret.", "Ingen testperson har det nummeret.",
            "Kenelläkään testihenkilöllä ei ole tätä tunnusta.", "No test person has that number."],
        ["badLogin"] = ["Fel användarnamn eller lösenord.", "Feil brukernavn eller passord.",
            "Väärä käyttäjätunnus tai salasana.", "Wrong user name or password."],
        ["language"] = ["Språk", "Språk", "Kieli", "Language"],
        ["requestRejected"] = ["Inloggningen kan inte starta", "Innloggingen kan ikke starte", "Kirjautumista ei voi aloittaa", "Sign-in cannot start"],
        ["requestRejectedHelp"] = ["Tjänsten som skickade dig hit gjorde en felaktig begäran.", "Tjenesten som sendte deg hit gjorde en feil forespørsel.",
            "Palvelu, josta tulit, lähetti virheellisen pyynnön.", "The service that sent you here made an invalid request."],
    };

    public static string Get(string lang, string key) => Texts[key][Index(lang)];

    /// <summary>The language to use: the one asked for when supported, else from Accept-Language, else English.</summary>
    public static string Pick(string? requested, string? acceptLanguage)
    {
        if (requested is not null && Languages.Contains(requested)) return requested;
        foreach (var part in (acceptLanguage ?? "").Split(','))
        {
            var tag = part.Split(';')[0].Trim().ToLowerInvariant();
            var primary = tag.Split('-')[0];
            if (primary is "no" or "nn") return "nb";
            if (Languages.Contains(primary)) return primary;
        }
        return "en";
    }

    private static int Index(string lang) => lang switch { "sv" => 0, "nb" => 1, "fi" => 2, _ => 3 };
}
