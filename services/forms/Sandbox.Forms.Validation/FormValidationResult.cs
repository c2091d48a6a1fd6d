using System.Text.Json.Nodes;

namespace Sandbox.Forms.Validation;

/// <summary>One failed check on one field.</summary>
/// <param name="Path">The field's data path, dot separated with list indexes (<c>clients[0].name</c>).</param>
/// <param name="Error">Which check failed.</param>
/// <param name="Message">The message in the asked language.</param>
public sealed record FieldError(string Path, ValidationError Error, string Message);

/// <summary>A file a filepicker field names in the kept data.</summary>
/// <param name="Path">The filepicker's data path.</param>
/// <param name="Id">The value: the id of an uploaded file.</param>
public sealed record FileReference(string Path, string Id);

/// <summary>The outcome of validating data against a form.</summary>
public sealed class FormValidationResult
{
    internal FormValidationResult(IReadOnlyList<FieldError> failures, JsonObject data, IReadOnlyList<FileReference> files)
    {
        Failures = failures;
        Data = data;
        Files = files;
        Errors = failures.GroupBy(f => f.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>True when no check failed.</summary>
    public bool IsValid => Failures.Count == 0;

    /// <summary>Every failed check, in form order.</summary>
    public IReadOnlyList<FieldError> Failures { get; }

    /// <summary>Messages per field path, the shape of a ValidationProblem's <c>errors</c>.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>The data to keep: bound, visible and enabled fields only.</summary>
    public JsonObject Data { get; }

    /// <summary>The file ids that filepicker fields in <see cref="Data"/> name.</summary>
    public IReadOnlyList<FileReference> Files { get; }
}
