using System.Collections.Concurrent;
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

    // Sanitising parses the HTML (milliseconds for a long text) while a form's texts rarely change: the results
    // of recent inputs are kept, and the whole cache is dropped when it grows past its bound.
    private const int CacheLimit = 2_000;
    private static readonly ConcurrentDictionary<(bool Markdown, string Text), string> Cache = new();

    public static string FromMarkdown(string markdown) => Cached(true, markdown);

    public static string Clean(string html) => Cached(false, html);

    private static string Cached(bool markdown, string text)
    {
        if (Cache.TryGetValue((markdown, text), out var html)) return html;
        html = Demote(Sanitizer.Sanitize(markdown ? Markdig.Markdown.ToHtml(text, Markdown) : text));
        if (Cache.Count >= CacheLimit) Cache.Clear();
        Cache[(markdown, text)] = html;
        return html;
    }

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
