using System.Text.Json.Nodes;

namespace Sandbox.Forms.Rendering;

/// <summary>Renders a form-js schema as accessible server-side HTML (Designsystemet classes, no scripts, no inline styles).</summary>
public static class FormRenderer
{
    /// <summary>The HTML of the form's fields (or of one page): fieldsets, inputs, labels, hints and errors; no <c>&lt;form&gt;</c> tag.</summary>
    public static string Render(RenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return "";
    }

    /// <summary>An error summary (<c>&lt;div class="ds-error-summary"&gt;</c>) linking each message to its field; empty when there are no errors.</summary>
    public static string ErrorSummary(IReadOnlyDictionary<string, string[]> errors, JsonObject schema, string language)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return "";
    }

    /// <summary>The pages of a form: one per top-level group, or one page when the form has no top-level group.</summary>
    public static IReadOnlyList<FormPage> Pages(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return [new FormPage(0, null, [])];
    }
}
