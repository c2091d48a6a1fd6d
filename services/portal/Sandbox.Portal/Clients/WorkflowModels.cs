using System.Text.Json.Nodes;

namespace Sandbox.Portal.Clients;

/// <summary>A published e-service (names and descriptions by language).</summary>
public sealed record EServiceView(string Id, int Version, IReadOnlyDictionary<string, string>? Names,
    IReadOnlyDictionary<string, string>? Descriptions, string StartForm, string? BpmnProcessId, string? Status)
{
    /// <summary>The name in the language, else any name, else the id.</summary>
    public string NameIn(string language) => Localized.Pick(Names, language) ?? Id;

    /// <summary>The description in the language, or null.</summary>
    public string? DescriptionIn(string language) => Localized.Pick(Descriptions, language);
}

/// <summary>A citizen's case in "my cases".</summary>
public sealed record CaseSummary(string InstanceId, string? Reference, string? SubmissionId, string? EserviceId,
    IReadOnlyDictionary<string, string>? Names, string State, string? CaseStatus, DateTimeOffset StartedAt, DateTimeOffset? UpdatedAt)
{
    /// <summary>The e-service name in the language.</summary>
    public string NameIn(string language) => Localized.Pick(Names, language) ?? EserviceId ?? "";
}

/// <summary>One named step a case passed through.</summary>
public sealed record HistoryEntry(string ElementId, string? Name, string? Type, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt);

/// <summary>A case with its history; staff also get its variables.</summary>
public sealed record CaseDetail(string InstanceId, string? Reference, string? SubmissionId, string? EserviceId,
    IReadOnlyDictionary<string, string>? Names, string State, string? CaseStatus, DateTimeOffset StartedAt, DateTimeOffset? UpdatedAt,
    IReadOnlyList<HistoryEntry>? History, JsonObject? Variables)
{
    /// <summary>The e-service name in the language.</summary>
    public string NameIn(string language) => Localized.Pick(Names, language) ?? EserviceId ?? "";
}

/// <summary>A page of the inbox.</summary>
public sealed record TaskPage(IReadOnlyList<TaskView> Items, int Page, int PageSize, int Total);

/// <summary>A task as the inbox lists it and as <c>GET tasks/{id}</c> answers it (<c>{task, variables}</c>).</summary>
public sealed record TaskView(long Id, string InstanceId, string ElementId, string? Name, string? FormId, string? Assignee,
    IReadOnlyList<string>? CandidateGroups, DateTimeOffset? DueDate, DateTimeOffset CreatedAt, string State, bool Overdue,
    string? Reference, string? SubmissionId, string? BpmnProcessId, string? ProcessName);

/// <summary>A task with the variables visible at it.</summary>
public sealed record TaskDetail(TaskView Task, JsonObject? Variables);

/// <summary>An e-service with every version (staff): its newest published version, or null when none is.</summary>
public sealed record EServiceDetail(string Id, EServiceView? Current, IReadOnlyList<EServiceVersion>? Versions)
{
    /// <summary>The name of the published version, else of the newest version, in the language; else the id.</summary>
    public string NameIn(string language) =>
        Current?.NameIn(language) ?? Localized.Pick(Versions?.FirstOrDefault()?.Names, language) ?? Id;

    /// <summary>The start form of the published version, else of the newest version.</summary>
    public string? StartForm => Current?.StartForm ?? Versions?.FirstOrDefault()?.StartForm;
}

/// <summary>One stored version of an e-service, the process version it deployed, and its names and start form.</summary>
public sealed record EServiceVersion(int Version, string Status, string BpmnProcessId, int ProcessVersion, DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string>? Names = null, string? StartForm = null);

/// <summary>A deployed process version; <see cref="Key"/> names it in the process APIs.</summary>
public sealed record ProcessVersionView(long Key, string BpmnProcessId, int Version, string? Name, DateTimeOffset DeployedAt);

/// <summary>Tokens per BPMN element, for the diagram overlay.</summary>
public sealed record ElementStatistics(string ElementId, int Active, int Completed, int Incidents);

/// <summary>The sandbox clock.</summary>
public sealed record ClockView(DateTimeOffset Now, TimeSpan Offset);

internal static class Localized
{
    public static string? Pick(IReadOnlyDictionary<string, string>? texts, string language) =>
        texts is null || texts.Count == 0 ? null : texts.TryGetValue(language, out var text) ? text : texts.Values.First();
}
