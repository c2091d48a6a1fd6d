using System.Globalization;

namespace Sandbox.Forms.Validation;

/// <summary>The kinds of validation error, each with a message per language.</summary>
public enum ValidationError
{
    Required, Pattern, Min, Max, MinLength, MaxLength, Phone, Email,
    NotANumber, Integer, DecimalDigits, Increment, WrongType, NotAnOption, InvalidDate, UnknownField, UnknownFile,
}

/// <summary>Error messages in Swedish, Norwegian Bokmål, Finnish and English.</summary>
public static class ValidationMessages
{
    /// <summary>The languages messages exist in; the first is the fallback.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "sv", "nb", "fi"];

    private static readonly Dictionary<ValidationError, string[]> Texts = new()
    {
        // en, sv, nb, fi
        [ValidationError.Required] = ["Field is required.", "Fältet är obligatoriskt.", "Feltet er obligatorisk.", "Kenttä on pakollinen."],
        [ValidationError.Pattern] = ["Field must match pattern {0}.", "Fältet måste följa mönstret {0}.", "Feltet må følge mønsteret {0}.", "Kentän on vastattava mallia {0}."],
        [ValidationError.Min] = ["Field must have minimum value of {0}.", "Värdet måste vara minst {0}.", "Verdien må være minst {0}.", "Arvon on oltava vähintään {0}."],
        [ValidationError.Max] = ["Field must have maximum value of {0}.", "Värdet får vara högst {0}.", "Verdien kan være høyst {0}.", "Arvo saa olla enintään {0}."],
        [ValidationError.MinLength] = ["Field must have minimum length of {0}.", "Texten måste ha minst {0} tecken.", "Teksten må ha minst {0} tegn.", "Tekstissä on oltava vähintään {0} merkkiä."],
        [ValidationError.MaxLength] = ["Field must have maximum length of {0}.", "Texten får ha högst {0} tecken.", "Teksten kan ha høyst {0} tegn.", "Tekstissä saa olla enintään {0} merkkiä."],
        [ValidationError.Phone] = ["Field must be a valid international phone number (e.g. +4930664040900).", "Ange ett giltigt internationellt telefonnummer (t.ex. +46701234567).", "Oppgi et gyldig internasjonalt telefonnummer (f.eks. +4791234567).", "Anna kelvollinen kansainvälinen puhelinnumero (esim. +358401234567)."],
        [ValidationError.Email] = ["Field must be a valid email.", "Ange en giltig e-postadress.", "Oppgi en gyldig e-postadresse.", "Anna kelvollinen sähköpostiosoite."],
        [ValidationError.NotANumber] = ["Value is not a number.", "Värdet är inte ett tal.", "Verdien er ikke et tall.", "Arvo ei ole luku."],
        [ValidationError.Integer] = ["Value is expected to be an integer.", "Värdet måste vara ett heltal.", "Verdien må være et heltall.", "Arvon on oltava kokonaisluku."],
        [ValidationError.DecimalDigits] = ["Value is expected to have at most {0} decimal digits.", "Värdet får ha högst {0} decimaler.", "Verdien kan ha høyst {0} desimaler.", "Arvossa saa olla enintään {0} desimaalia."],
        [ValidationError.Increment] = ["Please select a valid value, the two nearest valid values are {0} and {1}.", "Välj ett giltigt värde, de två närmaste är {0} och {1}.", "Velg en gyldig verdi, de to nærmeste er {0} og {1}.", "Valitse kelvollinen arvo, kaksi lähintä ovat {0} ja {1}."],
        [ValidationError.WrongType] = ["Value must be {0}.", "Värdet måste vara {0}.", "Verdien må være {0}.", "Arvon on oltava {0}."],
        [ValidationError.NotAnOption] = ["Value is not one of the options.", "Värdet finns inte bland alternativen.", "Verdien er ikke blant alternativene.", "Arvo ei ole vaihtoehdoissa."],
        [ValidationError.InvalidDate] = ["Value must be a valid {0}.", "Värdet måste vara ett giltigt {0}.", "Verdien må være en gyldig {0}.", "Arvon on oltava kelvollinen {0}."],
        [ValidationError.UnknownFile] = ["The file is not among your uploaded files.", "Filen finns inte bland dina uppladdade filer.", "Filen er ikke blant filene du har lastet opp.", "Tiedosto ei ole lataamiesi tiedostojen joukossa."],
        [ValidationError.UnknownField] = ["The form has no such field.", "Formuläret har inget sådant fält.", "Skjemaet har ikke et slikt felt.", "Lomakkeella ei ole tällaista kenttää."],
    };

    /// <summary>
    /// The best supported language for an <c>Accept-Language</c> value or a language tag; <c>no</c> and
    /// <c>nn</c> read as <c>nb</c>; English when nothing matches.
    /// </summary>
    public static string Negotiate(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage)) return "en";
        var ranked = acceptLanguage.Split(',')
            .Select((part, index) => (Tag: part.Split(';')[0].Trim(), Q: Quality(part), index))
            .OrderByDescending(p => p.Q).ThenBy(p => p.index);
        foreach (var (tag, q, _) in ranked)
        {
            if (q <= 0) continue;
            var primary = tag.Split('-')[0].ToLowerInvariant();
            if (primary is "no" or "nn") primary = "nb";
            if (Languages.Contains(primary)) return primary;
        }
        return "en";
    }

    /// <summary>The message for an error in a language (one of <see cref="Languages"/>).</summary>
    public static string Format(ValidationError error, string language, params object[] args)
    {
        var index = Math.Max(0, Languages.IndexOf(language));
        return string.Format(CultureInfo.InvariantCulture, Texts[error][index], args);
    }

    /// <summary>The noun for a JSON type in messages (WrongType, InvalidDate).</summary>
    public static string Noun(string what, string language) => (what, language) switch
    {
        ("text", "sv") => "text", ("text", "nb") => "tekst", ("text", "fi") => "tekstiä",
        ("number", "sv") => "ett tal", ("number", "nb") => "et tall", ("number", "fi") => "luku", ("number", _) => "a number",
        ("boolean", "sv") => "sant eller falskt", ("boolean", "nb") => "sann eller usann", ("boolean", "fi") => "tosi tai epätosi", ("boolean", _) => "true or false",
        ("list", "sv") => "en lista", ("list", "nb") => "en liste", ("list", "fi") => "luettelo", ("list", _) => "a list",
        ("object", "sv") => "ett objekt", ("object", "nb") => "et objekt", ("object", "fi") => "objekti", ("object", _) => "an object",
        ("date", "sv") => "datum (ÅÅÅÅ-MM-DD)", ("date", "nb") => "dato (ÅÅÅÅ-MM-DD)", ("date", "fi") => "päivämäärä (VVVV-KK-PP)", ("date", _) => "date (YYYY-MM-DD)",
        ("time", "sv") => "tid (TT:MM)", ("time", "nb") => "tid (TT:MM)", ("time", "fi") => "aika (TT:MM)", ("time", _) => "time (HH:MM)",
        ("datetime", "sv") => "tidpunkt (ISO 8601)", ("datetime", "nb") => "tidspunkt (ISO 8601)", ("datetime", "fi") => "ajankohta (ISO 8601)", ("datetime", _) => "date and time (ISO 8601)",
        _ => what,
    };

    private static double Quality(string part)
    {
        var q = part.Split(';').Skip(1).Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("q=", StringComparison.Ordinal));
        return q is not null && double.TryParse(q[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 1.0;
    }
}

internal static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == item) return i;
        return -1;
    }
}
