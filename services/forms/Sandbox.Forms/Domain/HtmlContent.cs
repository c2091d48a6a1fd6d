using System.Text.Json;
using System.Text.Json.Nodes;
using Ganss.Xss;
using Sandbox.Feel;

namespace Sandbox.Forms.Domain;

/// <summary>
/// Cleans the <c>content</c> of <c>html</c> components (scripts, event handlers, <c>javascript:</c> links) when a
/// form is published and again when it is served translated. FEEL expressions (<c>=...</c>) are left as they are:
/// their result is escaped where it is shown.
/// </summary>
public static class HtmlContent
{
    private const string HtmlType = "html";

    /// <summary>Sanitizes every html component of <paramref name="schema"/> in place.</summary>
    public static void Sanitize(JsonObject schema)
    {
        if (schema["components"] is not JsonArray components) return;
        var sanitizer = new HtmlSanitizer();
        Walk(components, sanitizer);
    }

    private static void Walk(JsonArray components, HtmlSanitizer sanitizer)
    {
        foreach (var component in components.OfType<JsonObject>())
        {
            if (component["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String && t.GetValue<string>() == HtmlType
                && component["content"] is JsonValue c && c.GetValueKind() == JsonValueKind.String
                && c.GetValue<string>() is { } content && !FeelEngine.IsExpression(content))
            {
                component["content"] = sanitizer.Sanitize(content);
            }
            if (component["components"] is JsonArray children) Walk(children, sanitizer);
        }
    }
}
