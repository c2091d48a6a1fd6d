using System.Globalization;

namespace Sandbox.Forms.Apis;

/// <summary>Problem texts citizens may see, in en, sv, nb and fi (the order of ValidationMessages.Languages).</summary>
internal static class Texts
{
    public static readonly string[] StaleDraft =
    [
        "The draft was changed elsewhere (another tab or device). Load it again before saving.",
        "Utkastet har ändrats någon annanstans (en annan flik eller enhet). Hämta det igen innan du sparar.",
        "Utkastet er endret et annet sted (en annen fane eller enhet). Hent det på nytt før du lagrer.",
        "Luonnosta on muutettu muualla (toisessa välilehdessä tai laitteessa). Lataa se uudelleen ennen tallentamista.",
    ];

    public static readonly string[] TooLarge =
    [
        "The file is larger than {0} MB.", "Filen är större än {0} MB.", "Filen er større enn {0} MB.", "Tiedosto on suurempi kuin {0} Mt.",
    ];

    public static readonly string[] TooMany =
    [
        "The draft already has {0} files.", "Utkastet har redan {0} filer.", "Utkastet har allerede {0} filer.", "Luonnoksessa on jo {0} tiedostoa.",
    ];

    public static readonly string[] UnknownType =
    [
        "The file is not a PDF, PNG or JPEG file.", "Filen är inte en PDF-, PNG- eller JPEG-fil.",
        "Filen er ikke en PDF-, PNG- eller JPEG-fil.", "Tiedosto ei ole PDF-, PNG- tai JPEG-tiedosto.",
    ];

    public static readonly string[] NotAccepted =
    [
        "This field does not accept files of this type.", "Fältet tar inte emot filer av den här typen.",
        "Feltet tar ikke imot filer av denne typen.", "Kenttä ei hyväksy tämän tyyppisiä tiedostoja.",
    ];

    public static readonly string[] Infected =
    [
        "The file was refused by the virus check.", "Filen stoppades av viruskontrollen.",
        "Filen ble stoppet av viruskontrollen.", "Virustarkistus hylkäsi tiedoston.",
    ];

    public static readonly string[] ScannerUnavailable =
    [
        "The virus check is not available just now, so the file was not accepted. Try again in a while.",
        "Viruskontrollen är inte tillgänglig just nu, så filen togs inte emot. Försök igen om en stund.",
        "Viruskontrollen er ikke tilgjengelig akkurat nå, så filen ble ikke tatt imot. Prøv igjen om litt.",
        "Virustarkistus ei ole juuri nyt käytettävissä, joten tiedostoa ei otettu vastaan. Yritä hetken päästä uudelleen.",
    ];

    public static string In(this string[] texts, string language, params object[] args)
    {
        var index = Math.Max(0, Validation.ValidationMessages.Languages.ToList().IndexOf(language));
        return string.Format(CultureInfo.InvariantCulture, texts[index], args);
    }
}
