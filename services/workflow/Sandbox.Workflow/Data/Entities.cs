using System.ComponentModel.DataAnnotations;

namespace Sandbox.Workflow.Data;

// Times are UTC DateTime: both SQLite and PostgreSQL compare and order them in SQL.

/// <summary>One deployed version of a BPMN process of a tenant.</summary>
public sealed class ProcessDefinitionRow
{
    public long Id { get; set; }
    [MaxLength(64)] public string Tenant { get; set; } = "";
    [MaxLength(256)] public string BpmnProcessId { get; set; } = "";
    public int Version { get; set; }
    [MaxLength(512)] public string? Name { get; set; }
    public string Xml { get; set; } = "";
    public DateTime DeployedAt { get; set; }
}

/// <summary>A process instance: the engine's state snapshot, with a concurrency token that changes on every step.</summary>
public sealed class InstanceRow
{
    [MaxLength(64)] public string Id { get; set; } = "";
    [MaxLength(64)] public string Tenant { get; set; } = "";
    public long DefinitionId { get; set; }
    [MaxLength(256)] public string BpmnProcessId { get; set; } = "";
    public int Version { get; set; }
    [MaxLength(16)] public string Status { get; set; } = "";
    public string StateJson { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    /// <summary>When the last step changed the instance.</summary>
    public DateTime UpdatedAt { get; set; }
    /// <summary>The process variable <c>caseStatus</c> after the last step, as citizens see it.</summary>
    [MaxLength(64)] public string? CaseStatus { get; set; }
    /// <summary>The citizen the case belongs to (the submitter), when started from a submission.</summary>
    [MaxLength(256)] public string? Subject { get; set; }
    [MaxLength(64)] public string? SubmissionId { get; set; }
    [MaxLength(64)] public string? Reference { get; set; }
    [MaxLength(128)] public string? EServiceId { get; set; }
    public int? EServiceVersion { get; set; }
    /// <summary>The instance whose call activity started this one; null for an instance started on its own.</summary>
    [MaxLength(64)] public string? ParentInstanceId { get; set; }
    /// <summary>The element instance of the parent's call activity that waits for this instance.</summary>
    public long? ParentElementInstanceKey { get; set; }
    /// <summary>The sequence number of the instance's last outbox event (0 before the first); its next event gets one more.</summary>
    public long EventSequence { get; set; }
    [ConcurrencyCheck] public Guid RowVersion { get; set; }
}

public static class WorkState
{
    public const string Open = "open";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
}

/// <summary>A user task in the caseworker inbox.</summary>
public sealed class UserTaskRow
{
    public long Id { get; set; }
    [MaxLength(64)] public string Tenant { get; set; } = "";
    [MaxLength(64)] public string InstanceId { get; set; } = "";
    public long ElementInstanceKey { get; set; }
    [MaxLength(256)] public string ElementId { get; set; } = "";
    [MaxLength(512)] public string? Name { get; set; }
    [MaxLength(256)] public string? FormKey { get; set; }
    [MaxLength(256)] public string? FormId { get; set; }
    [MaxLength(256)] public string? Assignee { get; set; }
    // Stored as "|a|b|" so that a LIKE '%|a|%' finds one group.
    [MaxLength(2048)] public string CandidateGroups { get; set; } = "|";
    [MaxLength(2048)] public string CandidateUsers { get; set; } = "|";
    public DateTime? DueDate { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    [MaxLength(16)] public string State { get; set; } = WorkState.Open;
    [ConcurrencyCheck] public Guid RowVersion { get; set; }
}

/// <summary>A job for an external worker of <see cref="Type"/>; locked while a worker holds it.</summary>
public sealed class JobRow
{
    public long Id { get; set; }
    [MaxLength(64)] public string Tenant { get; set; } = "";
    [MaxLength(64)] public string InstanceId { get; set; } = "";
    public long ElementInstanceKey { get; set; }
    [MaxLength(256)] public string ElementId { get; set; } = "";
    [MaxLength(256)] public string Type { get; set; } = "";
    public int Retries { get; set; }
    public string HeadersJson { get; set; } = "{}";
    public DateTime? AvailableAt { get; set; }
    [MaxLength(256)] public string? Worker { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The Dapr app a push-mode job is invoked on; null for a job that workers activate.</summary>
    [MaxLength(128)] public string? PushApp { get; set; }
    [MaxLength(512)] public string? PushMethod { get; set; }
    /// <summary>The W3C trace context of the step that created the job.</summary>
    [MaxLength(64)] public string? TraceParent { get; set; }
    [MaxLength(16)] public string State { get; set; } = WorkState.Open;
    [ConcurrencyCheck] public Guid RowVersion { get; set; }
}

/// <summary>A scheduled timer of an instance (the durable schedule a timer poller reads).</summary>
public sealed class TimerRow : ILeasedWork
{
    public long Id { get; set; }
    [MaxLength(64)] public string InstanceId { get; set; } = "";
    public long SubscriptionKey { get; set; }
    [MaxLength(256)] public string ElementId { get; set; } = "";
    public DateTime DueAt { get; set; }
    [MaxLength(16)] public string State { get; set; } = WorkState.Open;
    /// <summary>The W3C trace context of the step that scheduled it; the firing step continues that trace.</summary>
    [MaxLength(64)] public string? TraceParent { get; set; }
    /// <summary>Who is firing it, until when (see <see cref="Runtime.Leases"/>).</summary>
    [MaxLength(64)] public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}

/// <summary>An open message subscription of a waiting catch event (a message is correlated by name and key).</summary>
public sealed class MessageSubscriptionRow
{
    public long Id { get; set; }
    [MaxLength(64)] public string Tenant { get; set; } = "";
    [MaxLength(64)] public string InstanceId { get; set; } = "";
    public long SubscriptionKey { get; set; }
    [MaxLength(256)] public string ElementId { get; set; } = "";
    [MaxLength(256)] public string MessageName { get; set; } = "";
    [MaxLength(256)] public string CorrelationKey { get; set; } = "";
    [MaxLength(16)] public string State { get; set; } = WorkState.Open;
}

/// <summary>A published message kept for its time to live, for catch events that start waiting later.</summary>
public sealed class MessageRow
{
    public long Id { get; set; }
    [MaxLength(64)] public string Tenant { get; set; } = "";
    [MaxLength(256)] public string Name { get; set; } = "";
    [MaxLength(256)] public string CorrelationKey { get; set; } = "";
    public string? VariablesJson { get; set; }
    public DateTime ExpiresAt { get; set; }
}

/// <summary>A buffered message reached an instance; it reaches each instance once.</summary>
public sealed class MessageDeliveryRow
{
    public long Id { get; set; }
    public long MessageId { get; set; }
    [MaxLength(64)] public string InstanceId { get; set; } = "";
}

/// <summary>An element entered or left: the append-only history of an instance.</summary>
public sealed class HistoryRow
{
    public long Id { get; set; }
    [MaxLength(64)] public string InstanceId { get; set; } = "";
    public long ElementInstanceKey { get; set; }
    [MaxLength(256)] public string ElementId { get; set; } = "";
    [MaxLength(64)] public string ElementType { get; set; } = "";
    [MaxLength(16)] public string Event { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>
/// What a called instance hands back to its parent's call activity: its variables when it completed, or a BPMN
/// error nothing inside it caught. Written in the child's step and applied to the parent once, by
/// <see cref="Runtime.CallResultPoller"/> under a lease, in the same unit of work as the parent's step.
/// </summary>
public sealed class CallResultRow : ILeasedWork
{
    public long Id { get; set; }
    [MaxLength(64)] public string ParentInstanceId { get; set; } = "";
    public long ParentElementInstanceKey { get; set; }
    [MaxLength(64)] public string ChildInstanceId { get; set; } = "";
    /// <summary><see cref="CallResultKinds.Completed"/> or <see cref="CallResultKinds.Error"/>.</summary>
    [MaxLength(16)] public string Kind { get; set; } = CallResultKinds.Completed;
    public string? VariablesJson { get; set; }
    [MaxLength(256)] public string? ErrorCode { get; set; }
    [MaxLength(2048)] public string? ErrorMessage { get; set; }
    public DateTime CreatedAt { get; set; }
    [MaxLength(16)] public string State { get; set; } = WorkState.Open;
    /// <summary>The W3C trace context of the child's step; the parent's step continues it.</summary>
    [MaxLength(64)] public string? TraceParent { get; set; }
    [MaxLength(64)] public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}

/// <summary>The kinds of <see cref="CallResultRow"/>.</summary>
public static class CallResultKinds
{
    public const string Completed = "completed";
    public const string Error = "error";
}

/// <summary>The sandbox clock's offset, one row for the whole service (every replica reads it).</summary>
public sealed class SandboxClockRow
{
    /// <summary>Always <see cref="ServiceWide"/>.</summary>
    public int Id { get; set; }
    public long OffsetTicks { get; set; }
    [MaxLength(256)] public string? ChangedBy { get; set; }
    public DateTime? ChangedAt { get; set; }

    /// <summary>The id of the one row.</summary>
    public const int ServiceWide = 1;
}
