using System.Text.Json.Nodes;

namespace Sandbox.Forms.Rendering;

/// <summary>Renders the "check your answers" list of a filled form.</summary>
public static class AnswersRenderer
{
    /// <summary>A <c>&lt;dl&gt;</c> of each visible field's label and its human value (option labels, file names).</summary>
    public static string Render(JsonObject schema, JsonObject data, string language, IReadOnlyDictionary<string, AttachmentInfo> attachments)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return "";
    }
}
