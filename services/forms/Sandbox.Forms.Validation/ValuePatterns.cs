using System.Globalization;
using System.Text.RegularExpressions;

namespace Sandbox.Forms.Validation;

/// <summary>The e-mail and phone patterns of the form-js viewer's <c>validationType</c>.</summary>
internal static partial class ValuePatterns
{
    [GeneratedRegex(@"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$", RegexOptions.CultureInvariant, 200)]
    public static partial Regex Email { get; }

    // An international number: + or 00, a country calling code, a subscriber number of 4–20 more digits.
    // Like the viewer's pattern it is anchored only at the end.
    [GeneratedRegex(@"(\+|00)(297|93|244|1264|358|355|376|971|54|374|1684|1268|61|43|994|257|32|229|226|880|359|973|1242|387|590|375|501|1441|591|55|1246|673|975|267|236|1|41|56|86|225|237|243|242|682|57|269|238|506|53|5999|1345|357|420|49|253|1767|45|1809|1829|1849|213|593|20|291|212|34|372|251|679|500|33|298|691|241|44|995|233|350|224|220|245|240|30|1473|299|502|594|1671|592|852|504|385|509|36|62|91|246|353|98|964|354|972|39|1876|962|81|76|77|254|996|855|686|1869|82|383|965|856|961|231|218|1758|423|94|266|370|352|371|853|377|373|261|960|52|692|389|223|356|95|382|976|1670|258|222|1664|596|230|265|60|262|264|687|227|672|234|505|683|31|47|977|674|64|968|92|507|51|63|680|675|48|1787|1939|850|351|595|970|689|974|40|7|250|966|249|221|65|4779|677|232|503|378|252|508|381|211|239|597|421|386|46|268|1721|248|963|1649|235|228|66|992|690|993|670|676|1868|216|90|688|886|255|256|380|598|998|3906698|379|1784|58|1284|1340|84|678|681|685|967|27|260|263)(9[976]\d|8[987530]\d|6[987]\d|5[90]\d|42\d|3[875]\d|2[98654321]\d|9[8543210]|8[6421]|6[6543210]|5[87654321]|4[987654310]|3[9643210]|2[70]|7|1)\d{4,20}$", RegexOptions.CultureInvariant, 200)]
    public static partial Regex Phone { get; }
}

internal static class DateTimes
{
    public static bool IsValid(string? subtype, string text) => subtype switch
    {
        "time" => IsTime(text),
        "datetime" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _) && text.Contains('T'),
        _ => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
    };

    // The viewer writes HH:mm, with Z or an offset when the field normalises to UTC or keeps the offset.
    private static bool IsTime(string text)
    {
        var end = text.IndexOfAny(['Z', '+', '-']);
        var clock = end < 0 ? text : text[..end];
        var zone = end < 0 ? "" : text[end..];
        return TimeOnly.TryParseExact(clock, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && (zone is "" or "Z" || TimeSpan.TryParseExact(zone[1..], @"hh\:mm", CultureInfo.InvariantCulture, out _));
    }
}
