using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapr.Client;
using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Events;
using Sandbox.Workflow.Hosting;

namespace Sandbox.Workflow.Runtime;

/// <summary>Publishes one event. The default goes through the Dapr <c>pubsub</c> component.</summary>
public interface IEventPublisher
{
    /// <summary>Publishes <paramref name="payload"/> on <paramref name="topic"/>; throws when it was not accepted.</summary>
    Task PublishAsync(string topic, JsonElement payload, CancellationToken ct);
}

internal sealed class DaprEventPublisher(DaprClient dapr) : IEventPublisher
{
    public Task PublishAsync(string topic, JsonElement payload, CancellationToken ct) =>
        dapr.PublishEventAsync(Topics.PubSub, topic, payload, ct);
}

/// <summary>
/// Sends outbox events at least once. Each event is claimed under a lease, so replicas do not send it twice in
/// normal operation; an event the sidecar refused waits for its own retry time (growing back-off) while the
/// others go on, so one bad event never holds up the rest. Order between events is therefore not guaranteed;
/// consumers key on the ids in the payloads. Sent rows are kept for a day, then deleted.
/// </summary>
internal sealed class OutboxPublisher(IServiceScopeFactory scopes, IEventPublisher publisher, OutboxSignal signal,
    WorkflowOptions options, Telemetry telemetry, ILogger<OutboxPublisher> logger) : BackgroundService
{
    private const int Batch = 100;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Keep = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastPurge = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await PublishBatchAsync(stoppingToken);
                if (Leases.Now - lastPurge > TimeSpan.FromMinutes(10)) lastPurge = await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The outbox could not be read; trying again");
            }
            if (sent < Batch) await signal.WaitAsync(options.OutboxPollInterval, stoppingToken);
        }
    }

    /// <summary>Claims and sends the events that are due; returns how many it claimed.</summary>
    public async Task<int> PublishBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var now = Leases.Now;
        var token = Leases.NewToken();
        var until = now + options.LeaseTimeout;
        var due = await db.Outbox.Where(o => o.PublishedAt == null && o.NextAttemptAt <= now && (o.LeaseUntil == null || o.LeaseUntil <= now))
            .OrderBy(o => o.Id).Select(o => o.Id).Take(Batch).ToListAsync(ct);
        if (due.Count == 0) return 0;
        await db.Outbox.Where(o => due.Contains(o.Id) && o.PublishedAt == null && (o.LeaseUntil == null || o.LeaseUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseOwner, token).SetProperty(o => o.LeaseUntil, until), ct);
        var claimed = await db.Outbox.AsNoTracking().Where(o => due.Contains(o.Id) && o.LeaseOwner == token).OrderBy(o => o.Id).ToListAsync(ct);
        var errors = new System.Collections.Concurrent.ConcurrentDictionary<long, string>();
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (row, t) =>
        {
            if (await SendAsync(row, t) is { } error) errors[row.Id] = error;
        });
        // One write marks the batch sent; the few that failed wait for their own retry time.
        var sent = claimed.Where(o => !errors.ContainsKey(o.Id)).Select(o => o.Id).ToList();
        var at = Leases.Now;
        await db.Outbox.Where(o => sent.Contains(o.Id) && o.LeaseOwner == token).ExecuteUpdateAsync(s => s.SetProperty(o => o.PublishedAt, at)
            .SetProperty(o => o.LeaseOwner, (string?)null).SetProperty(o => o.LeaseUntil, (DateTime?)null), CancellationToken.None);
        foreach (var row in claimed.Where(o => errors.ContainsKey(o.Id))) await RetryLaterAsync(db, row, errors[row.Id]);
        return claimed.Count;
    }

    private async Task<string?> SendAsync(OutboxRow row, CancellationToken ct)
    {
        using var activity = Telemetry.StartStoredWorkActivity("publish " + row.Topic, ActivityKind.Producer, row.TraceParent);
        try
        {
            await publisher.PublishAsync(row.Topic, Payload(row), ct);
            telemetry.EventPublished(row.Topic);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
            activity?.SetStatus(ActivityStatusCode.Error, error);
            return error;
        }
    }

    private async Task RetryLaterAsync(WorkflowDb db, OutboxRow row, string error)
    {
        var attempts = row.Attempts + 1;
        var next = Leases.Now + Backoff(attempts);
        logger.LogWarning("Outbox event {OutboxId} on {Topic} not published (attempt {Attempts}, next at {NextAttempt}): {Error}",
            row.Id, row.Topic, attempts, next, error);
        await db.Outbox.Where(o => o.Id == row.Id && o.LeaseOwner == row.LeaseOwner).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Attempts, attempts).SetProperty(o => o.LastError, error).SetProperty(o => o.NextAttemptAt, next)
            .SetProperty(o => o.LeaseOwner, (string?)null).SetProperty(o => o.LeaseUntil, (DateTime?)null), CancellationToken.None);
    }

    private static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(attempts, 20))));

    // A task event gets the task's id now that the row has one.
    private static JsonElement Payload(OutboxRow row)
    {
        if (row.TaskId is not { } taskId) return JsonDocument.Parse(row.PayloadJson).RootElement.Clone();
        var payload = JsonNode.Parse(row.PayloadJson)!.AsObject();
        payload["taskId"] = taskId;
        return JsonSerializer.SerializeToElement(payload);
    }

    private async Task<DateTime> PurgeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var before = Leases.Now - Keep;
        await scope.ServiceProvider.GetRequiredService<WorkflowDb>().Outbox.Where(o => o.PublishedAt != null && o.PublishedAt < before)
            .ExecuteDeleteAsync(ct);
        return Leases.Now;
    }
}
