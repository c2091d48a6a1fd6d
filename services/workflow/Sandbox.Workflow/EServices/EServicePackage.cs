using System.Text.Json.Nodes;
using Sandbox.Workflow.Engine.Model;

namespace Sandbox.Workflow.EServices;

/// <summary>A form of the package as the forms service takes it: <c>{schema, translations}</c>.</summary>
/// <param name="File">The form file in the package.</param>
/// <param name="FormId">The form-js schema's <c>id</c>.</param>
/// <param name="Envelope">The body to publish.</param>
public sealed record FormPart(string File, string FormId, JsonObject Envelope);

/// <summary>A notification template of the package as the notifications service takes it.</summary>
/// <param name="File">The template file in the package.</param>
/// <param name="Id">The template id.</param>
/// <param name="Body"><c>{channel, description?, eservice, variants}</c>.</param>
public sealed record TemplatePart(string File, string Id, JsonObject Body);

/// <summary>A package every part of which was checked: ready to deploy.</summary>
public sealed record EServicePackage(
    EServiceManifest Manifest,
    ProcessDefinition Process,
    string ProcessXml,
    IReadOnlyList<FormPart> Forms,
    IReadOnlyList<TemplatePart> Templates,
    string ContentHash);

/// <summary>Problems found in a package, by file.</summary>
public sealed class PackageProblems
{
    private readonly Dictionary<string, List<string>> byFile = new(StringComparer.Ordinal);

    /// <summary>True when nothing was found.</summary>
    public bool IsEmpty => byFile.Count == 0;

    /// <summary>Adds a problem of a file.</summary>
    public void Add(string file, string reason)
    {
        if (!byFile.TryGetValue(file, out var reasons)) byFile[file] = reasons = [];
        reasons.Add(reason);
    }

    /// <summary>How many problems a file has so far.</summary>
    public int CountOf(string file) => byFile.TryGetValue(file, out var reasons) ? reasons.Count : 0;

    /// <summary>The problems as a ValidationProblem's <c>errors</c> map.</summary>
    public Dictionary<string, string[]> ToDictionary() => byFile.ToDictionary(p => p.Key, p => p.Value.ToArray());
}
