using System.Diagnostics;
using System.Text.Json;
using Sandbox.Workflow.Data;

namespace Sandbox.Workflow.Runtime;

/// <summary>
/// Adds integration events to the outbox of the current unit of work, with the trace context of the step, so
/// they are stored with the step or not at all. <see cref="OutboxPublisher"/> sends them after the commit.
/// </summary>
public sealed class OutboxWriter(WorkflowDb db, OutboxSignal signal)
{
    /// <summary>The shape of every payload: camelCase, as the CONTRACTS events are written.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>True when something was added since the last <see cref="Committed"/>.</summary>
    public bool Pending { get; private set; }

    /// <summary>
    /// Adds an event of <paramref name="instance"/>'s step. It gets the instance's next sequence number (stored with the
    /// instance in the same unit of work) as <c>sequence</c> in its payload: the order it is published in.
    /// </summary>
    public void Add<T>(InstanceRow instance, string topic, T payload, UserTaskRow? task = null)
    {
        var now = DateTime.UtcNow;
        var sequence = ++instance.EventSequence;
        db.Outbox.Add(new OutboxRow
        {
            InstanceId = instance.Id,
            Sequence = sequence,
            Topic = topic,
            PayloadJson = WithSequence(JsonSerializer.Serialize(payload, Json), sequence),
            Task = task,
            TraceParent = Activity.Current?.Id,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        Pending = true;
    }

    // The payload is a JSON object: "sequence" goes in as its first property.
    private static string WithSequence(string json, long sequence) =>
        json.Length <= 2 ? $"{{\"sequence\":{sequence}}}" : $"{{\"sequence\":{sequence},{json.AsSpan(1)}";

    /// <summary>Wakes the publisher once the unit of work that added events has committed.</summary>
    public void Committed()
    {
        if (!Pending) return;
        Pending = false;
        signal.Notify();
    }

    /// <summary>A stored time as UTC (SQLite hands times back without a kind).</summary>
    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

/// <summary>Wakes a background loop early when work was committed (outbox events, push jobs).</summary>
public class WorkSignal
{
    private readonly SemaphoreSlim semaphore = new(0);

    public void Notify()
    {
        if (semaphore.CurrentCount == 0) semaphore.Release();
    }

    /// <summary>Waits for a notification or the timeout, whichever comes first; true when notified.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => semaphore.WaitAsync(timeout, ct);
}

/// <summary>Wakes <see cref="OutboxPublisher"/>.</summary>
public sealed class OutboxSignal : WorkSignal;

/// <summary>Wakes <see cref="JobDispatcher"/>.</summary>
public sealed class JobSignal : WorkSignal;
