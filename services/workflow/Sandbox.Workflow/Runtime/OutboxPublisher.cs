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
/// Sends outbox events at least once, in order per instance. Only an instance's first unsent event (its head) is
/// claimable; whoever claims it under a lease takes that instance's later unsent events with it and sends them one
/// after the other, stopping at the first refusal. So a refused or in-flight event holds back the later events of
/// its own instance only, other instances go on, and replicas on one database never send an instance's events out
/// of order while their leases hold. Sent rows are kept for a day, then deleted.
/// </summary>
internal sealed class OutboxPublisher(IServiceScopeFactory scopes, IEventPublisher publisher, OutboxSignal signal,
    WorkflowOptions options, Telemetry telemetry, ILogger<OutboxPublisher> logger) : BackgroundService
{
    private const int Batch = 100;
    // After a commit wakes the publisher it waits this long, so that the events of steps committing close together
    // go in one batch (a few statements per batch instead of per event).
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(20);
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
            if (sent < Batch && await signal.WaitAsync(options.OutboxPollInterval, stoppingToken)) await Task.Delay(Gather, stoppingToken);
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
        // The heads: due, held by nobody, and no earlier event of the same instance unsent.
        var heads = await db.Outbox
            .Where(o => o.PublishedAt == null && o.NextAttemptAt <= now && (o.LeaseUntil == null || o.LeaseUntil <= now)
                && !db.Outbox.Any(p => p.InstanceId == o.InstanceId && p.PublishedAt == null && p.Sequence < o.Sequence))
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.InstanceId }).Take(Batch).ToListAsync(ct);
        if (heads.Count == 0) return 0;
        var instances = heads.Select(h => h.InstanceId).Distinct().ToList();
        var headIds = heads.Select(h => h.Id).ToHashSet();
        // One conditional UPDATE claims these instances' unsent events that nobody holds (see Leases).
        await db.WriteAsync(() => db.Outbox
            .Where(o => instances.Contains(o.InstanceId) && o.PublishedAt == null && (o.LeaseUntil == null || o.LeaseUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseOwner, token).SetProperty(o => o.LeaseUntil, until), ct), ct);
        var claimed = await db.Outbox.AsNoTracking().Where(o => o.LeaseOwner == token).ToListAsync(ct);
        // An instance is this claim's only when its head is: another replica that took the head first sends the rest.
        var groups = claimed.GroupBy(o => o.InstanceId).Select(g => g.OrderBy(o => o.Sequence).ToList()).ToList();
        var ours = groups.Where(g => headIds.Contains(g[0].Id)).ToList();
        var release = groups.Where(g => !headIds.Contains(g[0].Id)).SelectMany(g => g).Select(o => o.Id).ToList();
        var sent = new System.Collections.Concurrent.ConcurrentBag<long>();
        var failed = new System.Collections.Concurrent.ConcurrentBag<(OutboxRow Row, string Error)>();
        var untried = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Parallel.ForEachAsync(ours, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (events, t) =>
        {
            for (var i = 0; i < events.Count; i++)
            {
                if (await SendAsync(events[i], t) is not { } error)
                {
                    sent.Add(events[i].Id);
                    continue;
                }
                // The refused event waits for its retry time and the instance's later events wait behind it.
                failed.Add((events[i], error));
                foreach (var later in events.Skip(i + 1)) untried.Add(later.Id);
                break;
            }
        });
        // One write marks the sent events; the refused ones get their retry time; the rest are let go.
        var at = Leases.Now;
        var sentIds = sent.ToList();
        if (sentIds.Count > 0)
        {
            await db.WriteAsync(() => db.Outbox.Where(o => sentIds.Contains(o.Id) && o.LeaseOwner == token).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.PublishedAt, at).SetProperty(o => o.LeaseOwner, (string?)null).SetProperty(o => o.LeaseUntil, (DateTime?)null),
                CancellationToken.None), CancellationToken.None);
        }
        foreach (var (row, error) in failed) await RetryLaterAsync(db, row, error);
        release.AddRange(untried);
        if (release.Count > 0)
        {
            await db.WriteAsync(() => db.Outbox.Where(o => release.Contains(o.Id) && o.LeaseOwner == token).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.LeaseOwner, (string?)null).SetProperty(o => o.LeaseUntil, (DateTime?)null), CancellationToken.None),
                CancellationToken.None);
        }
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
        await db.WriteAsync(() => db.Outbox.Where(o => o.Id == row.Id && o.LeaseOwner == row.LeaseOwner).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Attempts, attempts).SetProperty(o => o.LastError, error).SetProperty(o => o.NextAttemptAt, next)
            .SetProperty(o => o.LeaseOwner, (string?)null).SetProperty(o => o.LeaseUntil, (DateTime?)null), CancellationToken.None),
            CancellationToken.None);
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
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        await db.WriteAsync(() => db.Outbox.Where(o => o.PublishedAt != null && o.PublishedAt < before).ExecuteDeleteAsync(ct), ct);
        return Leases.Now;
    }
}
