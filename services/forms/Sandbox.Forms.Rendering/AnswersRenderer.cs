using System.Text;
using System.Text.Json.Nodes;
using Sandbox.Forms.Rendering.Internal;

namespace Sandbox.Forms.Rendering;

/// <summary>Renders the "check your answers" list of a filled form.</summary>
public static class AnswersRenderer
{
    /// <summary>
    /// A <c>&lt;dl class="form-answers"&gt;</c> with each visible field's label and its value as people read it:
    /// option labels rather than values, yes/no, dates in the language's format, file names of attachments.
    /// Groups and dynamic list rows are nested lists.
    /// </summary>
    /// <exception cref="Sandbox.Forms.Validation.FormSchemaException">The schema cannot be used.</exception>
    public static string Render(JsonObject schema, JsonObject data, string language, IReadOnlyDictionary<string, AttachmentInfo> attachments) =>
        Render(schema, data, language, attachments, changeLink: null);

    /// <summary>
    /// As <see cref="Render(JsonObject, JsonObject, string, IReadOnlyDictionary{string, AttachmentInfo})"/>, with a
    /// "change" link after each top-level answer; <paramref name="changeLink"/> gets the page index and the field's
    /// input id and returns the link's address (for example <c>?page=1#field-name</c>), or null for no link.
    /// </summary>
    public static string Render(JsonObject schema, JsonObject data, string language, IReadOnlyDictionary<string, AttachmentInfo> attachments,
        Func<int, string, string?>? changeLink)
    {
        ArgumentNullException.ThrowIfNull(data);
        var tree = FormTree.Build(schema);
        var writer = new AnswersWriter(data, Texts.For(language), attachments ?? new Dictionary<string, AttachmentInfo>(), changeLink);
        return writer.Write(tree);
    }
}
