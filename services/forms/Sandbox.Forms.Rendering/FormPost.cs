using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace Sandbox.Forms.Rendering;

/// <summary>Turns a posted HTML form back into form-js data.</summary>
public static class FormPost
{
    /// <summary>
    /// Converts the posted fields (named as <see cref="FormRenderer.Render"/> wrote them) of one page, or of every
    /// page when <paramref name="page"/> is null, to typed JSON and merges them into a copy of <paramref name="existing"/>.
    /// Unknown names are ignored.
    /// </summary>
    public static JsonObject Bind(JsonObject schema, IEnumerable<KeyValuePair<string, StringValues>> form, JsonObject existing, int? page, string fieldPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(existing);
        return (JsonObject)existing.DeepClone();
    }
}
