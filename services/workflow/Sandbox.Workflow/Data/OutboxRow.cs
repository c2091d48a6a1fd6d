using System.ComponentModel.DataAnnotations;

namespace Sandbox.Workflow.Data;

/// <summary>
/// An integration event written in the same unit of work as the step that caused it, published later by
/// <see cref="Runtime.OutboxPublisher"/> in <see cref="Sequence"/> order per instance: a row that fails waits for
/// its retry time and holds back the later events of its instance only.
/// </summary>
public sealed class OutboxRow
{
    public long Id { get; set; }
    /// <summary>The instance whose step wrote the event.</summary>
    [MaxLength(64)] public string InstanceId { get; set; } = "";
    /// <summary>1, 2, 3… per instance in the order the steps made the events; also the payload's <c>sequence</c>.</summary>
    public long Sequence { get; set; }
    [MaxLength(128)] public string Topic { get; set; } = "";
    public string PayloadJson { get; set; } = "{}";
    /// <summary>A task event's task: its id is known only once the task row is inserted, so it is added to the payload when published.</summary>
    public long? TaskId { get; set; }
    public UserTaskRow? Task { get; set; }
    [MaxLength(64)] public string? TraceParent { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Not to be sent before this time (after a failed attempt).</summary>
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    [MaxLength(512)] public string? LastError { get; set; }
    public DateTime? PublishedAt { get; set; }
    [MaxLength(64)] public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}
