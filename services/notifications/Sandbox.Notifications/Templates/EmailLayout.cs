using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Sandbox.Notifications.Hosting;

namespace Sandbox.Notifications.Templates;

/// <summary>
/// The shared email layout: one column, the tenant's name (and logo with its name as alternative text) on top,
/// the message, and a footer saying the message was sent automatically. The <c>lang</c> attribute is the variant's
/// language, so screen readers read it with the right voice. A <c>meta</c> tag carries the notification id so the
/// sandbox mailbox can tell which notification a caught mail belongs to.
/// </summary>
public static partial class EmailLayout
{
    /// <summary>The name of the meta tag with the notification id.</summary>
    public const string MarkerName = "sandbox-notification";

    private static readonly Dictionary<string, string> Footers = new()
    {
        ["sv"] = "Det här meddelandet skickades automatiskt av {0}. Du kan inte svara på det.",
        ["nb"] = "Denne meldingen ble sendt automatisk av {0}. Du kan ikke svare på den.",
        ["nn"] = "Denne meldinga vart send automatisk av {0}. Du kan ikkje svare på ho.",
        ["fi"] = "Tämän viestin lähetti automaattisesti {0}. Viestiin ei voi vastata.",
        ["en"] = "This message was sent automatically by {0}. You cannot reply to it.",
    };

    /// <summary>The whole HTML document of an email.</summary>
    public static string Render(string language, TenantBranding tenant, string subject, string innerHtml, Guid notificationId)
    {
        // No footer text is written in Northern Sami yet: the footer is in the tenant's main language, marked as such.
        var footerLanguage = Footers.ContainsKey(language) ? language : Languages.MainLanguage(tenant.Country);
        if (!Footers.ContainsKey(footerLanguage)) footerLanguage = "en";
        var name = Encode(tenant.Name);
        var logo = string.IsNullOrWhiteSpace(tenant.LogoUrl) ? "" :
            $"""<img src="{Encode(tenant.LogoUrl)}" alt="{name}" height="40" style="display:block;height:40px;margin-bottom:8px">""";
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="{MarkerName}" content="{notificationId}">
            <title>{Encode(subject)}</title>
            </head>
            <body style="margin:0;padding:0;background:#f4f5f6;color:#1e2b3c;font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5">
            <div role="article" aria-roledescription="email" aria-label="{Encode(subject)}" lang="{language}" style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff">
            <header style="border-bottom:4px solid #1e2b3c;padding-bottom:12px;margin-bottom:24px">
            {logo}<p style="margin:0;font-size:20px;font-weight:bold">{name}</p>
            </header>
            <main>
            <h1 style="font-size:24px;line-height:1.3;margin:0 0 16px">{Encode(subject)}</h1>
            {innerHtml}
            </main>
            <footer lang="{footerLanguage}" style="border-top:1px solid #c9ced6;margin-top:32px;padding-top:12px;font-size:16px;color:#3b4a5c">
            <p style="margin:0">{Encode(string.Format(Footers[footerLanguage], tenant.Name))}</p>
            </footer>
            </div>
            </body>
            </html>
            """);
        return html.ToString();
    }

    /// <summary>Plain text as HTML paragraphs: blank lines split paragraphs, single line breaks become <c>br</c>.</summary>
    public static string Paragraphs(string text) => string.Concat(
        BlankLines().Split(text.Trim()).Where(p => p.Length > 0).Select(p =>
            $"<p style=\"margin:0 0 16px\">{string.Join("<br>", p.Split('\n').Select(l => Encode(l.TrimEnd('\r'))))}</p>\n"));

    /// <summary>The notification id in an email's marker, if any.</summary>
    public static Guid? FindMarker(string? html) =>
        html is not null && Marker().Match(html) is { Success: true } m && Guid.TryParse(m.Groups[1].Value, out var id) ? id : null;

    /// <summary>The <c>lang</c> of an email's <c>html</c> element, if any.</summary>
    public static string? FindLanguage(string? html) =>
        html is not null && HtmlLang().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    [GeneratedRegex("<html lang=\"([a-z]{2,3})\"")]
    private static partial Regex HtmlLang();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex("<meta name=\"" + MarkerName + "\" content=\"([0-9a-fA-F-]{36})\"")]
    private static partial Regex Marker();
}
