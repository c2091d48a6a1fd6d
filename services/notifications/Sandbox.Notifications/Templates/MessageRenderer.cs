using System.Text.Encodings.Web;
using Fluid;
using System.Text.Json.Nodes;
using Sandbox.Notifications.Hosting;

namespace Sandbox.Notifications.Templates;

/// <summary>A message ready for its channel.</summary>
public sealed record RenderedMessage(string Language, string? Subject, string Text, string? Html);

/// <summary>Some variables the template prints are not in the data; nothing is rendered.</summary>
public sealed class MissingVariablesException(string language, IReadOnlyList<string> names)
    : Exception($"Missing template variables ({language}): {string.Join(", ", names)}")
{
    public string Language { get; } = language;
    public IReadOnlyList<string> Names { get; } = names;
}

/// <summary>Chooses the variant by the fallback order, checks the data and renders subject, text and (for email) HTML.</summary>
public sealed class MessageRenderer(LiquidTemplates liquid, NotificationsOptions options)
{
    /// <summary>The language of a message whose recipient has none: the tenant's main language.</summary>
    public string DefaultLanguage(string tenant) => Languages.MainLanguage(options.Branding(tenant).Country);

    /// <summary>The variant language the request gets, or null when the template has no variants.</summary>
    public string? ChooseLanguage(IReadOnlyDictionary<string, TemplateVariant> variants, string language, string tenant) =>
        Languages.Choose(variants.Keys.ToList(), language, options.Branding(tenant).Country);

    /// <summary>The names missing from <paramref name="data"/> in one variant.</summary>
    public IReadOnlyList<string> Missing(TemplateVariant variant, JsonObject data) =>
        new[] { variant.Subject, variant.Body, variant.Html }.Where(s => s is not null)
            .SelectMany(s => liquid.Missing(s!, data)).Distinct().ToList();

    /// <summary>Renders the variant chosen for <paramref name="language"/>; throws <see cref="MissingVariablesException"/>.</summary>
    public RenderedMessage Render(string channel, IReadOnlyDictionary<string, TemplateVariant> variants, string language,
        string tenant, JsonObject data, Guid notificationId)
    {
        var chosen = ChooseLanguage(variants, language, tenant) ?? throw new InvalidOperationException("The template has no variants.");
        var variant = variants[chosen];
        var missing = Missing(variant, data);
        if (missing.Count > 0) throw new MissingVariablesException(chosen, missing);

        var subject = variant.Subject is null ? null : OneLine(liquid.Render(variant.Subject, data, NullEncoder.Default));
        var text = liquid.Render(variant.Body, data, NullEncoder.Default).Trim();
        if (channel != Channels.Email) return new RenderedMessage(chosen, subject, text, null);

        // The plain body is encoded as a whole, so neither data nor the designer's text can inject markup;
        // an html variant is the designer's markup, with only the data encoded.
        var inner = variant.Html is null
            ? EmailLayout.Paragraphs(text)
            : liquid.Render(variant.Html, data, HtmlEncoder.Default);
        var html = EmailLayout.Render(chosen, options.Branding(tenant), subject ?? "", inner, notificationId);
        return new RenderedMessage(chosen, subject, text, html);
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
