using Ganss.Xss;
using Markdig;

namespace Sandbox.Forms.Rendering.Internal;

/// <summary>Markdown of text components and the content of html components, made safe for the portal's page.</summary>
internal static class SafeHtml
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().Build();

    // No scripts, styles (the CSP forbids inline styles), ids (they could clash with field ids) or form controls
    // (the content sits inside the portal's own form).
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string FromMarkdown(string markdown) => Sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Markdown));

    public static string Clean(string html) => Sanitizer.Sanitize(html);

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
