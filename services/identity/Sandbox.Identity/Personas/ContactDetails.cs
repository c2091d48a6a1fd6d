using System.Net.Mail;
using System.Text;

namespace Sandbox.Identity.Personas;

/// <summary>Checks and makes up e-mail addresses and phone numbers of test persons.</summary>
public static class ContactDetails
{
    /// <summary>Made-up addresses use the domain reserved for examples (RFC 2606), so no mail reaches anyone.</summary>
    public const string ExampleDomain = "example.com";

    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    /// <summary>An international or national number: digits with optional leading +, spaces and hyphens, 6 to 15 digits.</summary>
    public static bool IsPhone(string value) =>
        value.Length <= 24
        && value.Select((c, i) => char.IsAsciiDigit(c) || c is ' ' or '-' || (c == '+' && i == 0)).All(ok => ok)
        && value.Count(char.IsAsciiDigit) is >= 6 and <= 15;

    /// <summary><c>given.family.NN@example.com</c>, letters folded to ASCII.</summary>
    public static string MakeEmail(string given, string family, int number) =>
        $"{Fold(given)}.{Fold(family)}.{number:00}@{ExampleDomain}";

    /// <summary>A mobile number of the country's format (Sweden: the range kept for fiction, 070-1740605–699).</summary>
    public static string MakePhone(string country, Random random) => country switch
    {
        "SE" => $"+46 70 174 06 {random.Next(5, 100):00}",
        "NO" => $"+47 4{random.Next(0, 100):00} {random.Next(0, 100):00} {random.Next(0, 1000):000}",
        _ => $"+358 50 {random.Next(0, 1000):000} {random.Next(0, 10000):0000}",
    };

    private static string Fold(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.ToLowerInvariant().Replace("ø", "o", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal)
                     .Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c)) text.Append(c);
            else if (c is ' ' or '-') text.Append('-');
            // Anything else (the accents split off by FormD, apostrophes) is left out.
        }
        return text.ToString();
    }
}
