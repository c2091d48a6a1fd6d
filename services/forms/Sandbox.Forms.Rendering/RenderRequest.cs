using System.Text.Json.Nodes;

namespace Sandbox.Forms.Rendering;

/// <summary>What to render: a form-js schema (already translated) with the citizen's current values and errors.</summary>
/// <param name="Schema">The form-js schema, texts already in <paramref name="Language"/>.</param>
/// <param name="Language">The language of the fixed texts the renderer adds (sv, nb, fi, en).</param>
public sealed record RenderRequest(JsonObject Schema, string Language)
{
    /// <summary>The current values, shaped as the form's data.</summary>
    public JsonObject Data { get; init; } = new();

    /// <summary>Error messages per field path (<c>applicant.name</c>, <c>children[0].age</c>).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>The page to render (0-based); null renders every page.</summary>
    public int? Page { get; init; }

    /// <summary>Attachments already uploaded, by id, so that filepickers can list them by name.</summary>
    public IReadOnlyDictionary<string, AttachmentInfo> Attachments { get; init; } = new Dictionary<string, AttachmentInfo>();

    /// <summary>Prefix of every input's <c>name</c>, so that form fields cannot clash with the page's own.</summary>
    public string FieldPrefix { get; init; } = "";

    /// <summary>
    /// When true, components with a <c>conditional.hide</c> rule are wrapped in an element carrying
    /// <see cref="FormRenderer.ConditionalAttribute"/> (their address), and those hidden over <see cref="Data"/> are
    /// written too, with the <c>hidden</c> attribute and their inputs <c>disabled</c> (marked
    /// <see cref="FormRenderer.HiddenDisabledAttribute"/>), so that a script can show them as answers change.
    /// Without a script the page shows and posts exactly what it does when this is false.
    /// </summary>
    public bool LiveConditions { get; init; }
}

/// <summary>An uploaded file a filepicker value refers to.</summary>
/// <param name="Id">The attachment id stored in the form data.</param>
/// <param name="FileName">The (sanitised) file name shown to the citizen.</param>
/// <param name="Size">Size in bytes.</param>
public sealed record AttachmentInfo(string Id, string FileName, long Size);

/// <summary>One page of a form: a top-level group, or the whole form when it has none.</summary>
/// <param name="Index">0-based page number.</param>
/// <param name="Title">The group's label, or null.</param>
/// <param name="FieldPaths">The data paths of the inputs on the page (dynamic lists by their path).</param>
public sealed record FormPage(int Index, string? Title, IReadOnlyList<string> FieldPaths)
{
    /// <summary>True when an error's path (<c>clients[1].name</c>) belongs to a field on this page.</summary>
    public bool Contains(string path) => FieldPaths.Any(p =>
        path == p || (path.Length > p.Length && path.StartsWith(p, StringComparison.Ordinal) && path[p.Length] is '.' or '['));
}
