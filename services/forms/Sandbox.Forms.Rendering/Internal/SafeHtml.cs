using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;

namespace Sandbox.Forms.Rendering.Internal;

/// <summary>Markdown of text components and the content of html components, made safe for the portal's page.</summary>
internal static partial class SafeHtml
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().Build();

    // No scripts, styles (the CSP forbids inline styles), ids (they could clash with field ids) or form controls
    // (the content sits inside the portal's own form).
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string FromMarkdown(string markdown) => Demote(Sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Markdown)));

    public static string Clean(string html) => Demote(Sanitizer.Sanitize(html));

    // The portal's page owns the h1 (the page title), so headings of the form's texts move one level down.
    private static string Demote(string html) =>
        Heading().Replace(html, m => $"<{m.Groups[1].Value}h{int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}{m.Groups[3].Value}");

    [GeneratedRegex(@"<(/?)h([1-5])(\s|>)", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in new[] { "form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "legend", "style" })
            sanitizer.AllowedTags.Remove(tag);
        foreach (var attribute in new[] { "style", "id", "name", "for", "form", "tabindex", "accesskey" })
            sanitizer.AllowedAttributes.Remove(attribute);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "https", "http", "mailto", "tel" }) sanitizer.AllowedSchemes.Add(scheme);
        return sanitizer;
    }
}
