using System.Text.Json;

namespace Sandbox.Workflow.EServices;

/// <summary>An e-service version as the catalog lists it.</summary>
public sealed record EServiceView(
    string Id, int Version, IReadOnlyDictionary<string, string> Names, IReadOnlyDictionary<string, string> Descriptions,
    string StartForm, string BpmnProcessId, string Status)
{
    internal static EServiceView From(EServiceRow row) => new(row.EServiceId, row.Version,
        Map(row.NamesJson), Map(row.DescriptionsJson), row.StartForm, row.BpmnProcessId, row.Status);

    internal static Dictionary<string, string> Map(string json) => JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}

/// <summary>One stored version with what it deployed (staff view); names and start form as that version's package declared them.</summary>
public sealed record EServiceVersionView(
    int Version, string Status, string? DeclaredVersion, string BpmnProcessId, int ProcessVersion,
    IReadOnlyList<string> Forms, IReadOnlyList<string> Templates, IReadOnlyDictionary<string, JobRoute> Jobs,
    DateTime CreatedAt, string CreatedBy, IReadOnlyDictionary<string, string> Names, string StartForm)
{
    internal static EServiceVersionView From(EServiceRow row) => new(row.Version, row.Status, row.DeclaredVersion,
        row.BpmnProcessId, row.ProcessVersion, List(row.FormsJson), List(row.TemplatesJson), ReadJobs(row.JobsJson),
        row.CreatedAt, row.CreatedBy, EServiceView.Map(row.NamesJson), row.StartForm);

    private static List<string> List(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private static Dictionary<string, JobRoute> ReadJobs(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(json) ?? [])
        .ToDictionary(j => j.Key, j => new JobRoute(j.Value.GetValueOrDefault("app") ?? "", j.Value.GetValueOrDefault("method") ?? ""));
}

/// <summary>An e-service: its newest published version (null when none is), and for staff every version, newest first.</summary>
public sealed record EServiceDetail(string Id, EServiceView? Current, IReadOnlyList<EServiceVersionView>? Versions);
