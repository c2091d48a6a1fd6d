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

    public void Add<T>(string topic, T payload, UserTaskRow? task = null)
    {
        var now = DateTime.UtcNow;
        db.Outbox.Add(new OutboxRow
        {
            Topic = topic,
            PayloadJson = JsonSerializer.Serialize(payload, Json),
            Task = task,
            TraceParent = Activity.Current?.Id,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        Pending = true;
    }

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

    /// <summary>Waits for a notification or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await semaphore.WaitAsync(timeout, ct);
}

/// <summary>Wakes <see cref="OutboxPublisher"/>.</summary>
public sealed class OutboxSignal : WorkSignal;

/// <summary>Wakes <see cref="JobDispatcher"/>.</summary>
public sealed class JobSignal : WorkSignal;
