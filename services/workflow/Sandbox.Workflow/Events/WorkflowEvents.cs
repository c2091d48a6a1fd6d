using System.Text.Json.Nodes;

namespace Sandbox.Workflow.Events;

/// <summary>
/// <see cref="Topics.TaskCreated"/> and <see cref="Topics.TaskCompleted"/>. Consumers key on <c>taskId</c> and the topic.
/// </summary>
public sealed record TaskEvent(long TaskId, string TenantId, string ProcessInstanceId, string BpmnProcessId, string ElementId,
    string? Name, IReadOnlyList<string> CandidateGroups, string? Assignee, DateTime? DueDate, string? FormId, string? Reference, DateTime At);

/// <summary>
/// <see cref="Topics.CaseStatusChanged"/>: the state (active, completed, terminated, incident) or the process
/// variable <c>caseStatus</c> changed. <c>EventId</c> is the consumers' idempotency key.
/// </summary>
public sealed record CaseStatusChanged(string EventId, string ProcessInstanceId, string TenantId, string? Subject, string? Reference,
    string? SubmissionId, string? EserviceId, string State, string? CaseStatus, DateTime At);

/// <summary>Who a notification goes to; the notifications service looks the subject up when no address is given.</summary>
public sealed record Recipient(string? Subject, string? Email, string? Phone);

/// <summary>
/// <see cref="Topics.NotificationRequested"/>: one per template of a <c>notify</c> task. <c>NotificationId</c>
/// (<c>{processInstanceId}:{jobKey}:{template}</c>) is the idempotency key.
/// </summary>
public sealed record NotificationRequested(string NotificationId, string TenantId, string Template, string? Language,
    Recipient Recipient, JsonObject Data, string? Reference, string? ProcessInstanceId);

/// <summary>The <see cref="Topics.SubmissionReceived"/> event of the forms service (the fields the workflow reads).</summary>
public sealed record SubmissionReceived(string? SubmissionId, string? Reference, string? TenantId, string? FormId, int FormVersion,
    string? Subject, DateTimeOffset SubmittedAt, JsonObject? Data, JsonArray? Attachments, string? Language);
