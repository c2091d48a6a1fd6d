using Dapr.Client;
using Microsoft.EntityFrameworkCore;
using Sandbox.Data;
using Sandbox.Forms.Data;
using Sandbox.Forms.Events;
using Sandbox.Forms.Hosting;

namespace Sandbox.Forms.Outbox;

/// <summary>Publishes one outbox event. The default goes through the Dapr <c>pubsub</c> component.</summary>
public interface IEventPublisher
{
    /// <summary>Publishes <paramref name="payloadJson"/> on <paramref name="topic"/>; throws when it was not accepted.</summary>
    Task PublishAsync(string topic, string payloadJson, CancellationToken ct);
}

internal sealed class DaprEventPublisher(DaprClient dapr) : IEventPublisher
{
    public Task PublishAsync(string topic, string payloadJson, CancellationToken ct) =>
        dapr.PublishByteEventAsync(Topics.PubSub, topic, System.Text.Encoding.UTF8.GetBytes(payloadJson),
            "application/json", cancellationToken: ct);
}

/// <summary>Wakes the publisher when a transaction has committed an event.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _semaphore = new(0);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0) _semaphore.Release();
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await _semaphore.WaitAsync(timeout, ct);
}

/// <summary>
/// Delivers outbox events at least once, oldest first: an event is marked published only after the sidecar accepted
/// it, so events committed before a stop are sent after the next start. An event that is refused waits with a
/// growing delay (up to <see cref="MaxDelay"/>) while the events behind it go on; events are independent, and their
/// consumers are idempotent and do not depend on order. Several refusals in a row end the round: then pub/sub itself
/// is likely down, and the whole outbox waits for the next interval.
/// </summary>
internal sealed class OutboxPublisher(IServiceScopeFactory scopes, IEventPublisher publisher, OutboxSignal signal, SqliteWriteGate gate,
    FormsOptions options, TimeProvider clock, Telemetry telemetry, ILogger<OutboxPublisher> logger) : BackgroundService
{
    private const int Batch = 200;
    private const int FailuresPerRound = 3;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);

    // Events refused recently and when to try each again; kept in memory, so a restart tries them at once.
    private readonly Dictionary<long, DateTimeOffset> _waiting = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try { sent = await PublishBatchAsync(stoppingToken); }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Outbox could not be read");
            }
            if (sent < Batch) await signal.WaitAsync(options.OutboxInterval, stoppingToken);
        }
    }

    private async Task<int> PublishBatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var id in _waiting.Where(w => w.Value <= now).Select(w => w.Key).ToList()) _waiting.Remove(id);
        var skip = _waiting.Keys.ToList();

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        var pending = await db.Outbox.AsNoTracking().Where(m => m.PublishedAt == null && !skip.Contains(m.Id))
            .OrderBy(m => m.Id).Take(Batch).ToListAsync(ct);
        var published = new List<long>(pending.Count);
        var refused = new List<OutboxMessage>();
        var failures = 0;
        foreach (var message in pending)
        {
            using var activity = telemetry.StartPublishActivity(message.Topic, message.Id, message.TraceParent);
            try
            {
                await publisher.PublishAsync(message.Topic, message.PayloadJson, ct);
                telemetry.EventPublished(message.Topic);
                published.Add(message.Id);
                failures = 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.Message);
                message.Attempts++;
                message.LastError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                _waiting[message.Id] = clock.GetUtcNow() + Delay(message.Attempts);
                logger.LogWarning("Outbox event {OutboxId} on {Topic} not published (attempt {Attempts}): {Error}",
                    message.Id, message.Topic, message.Attempts, e.Message);
                refused.Add(message);
                failures++;
            }
            if (failures >= FailuresPerRound) break;
        }
        // One write for the round: a stop before it sends these events again, which consumers take (idempotent).
        using (await gate.EnterAsync(ct))
        {
            if (published.Count > 0)
            {
                var at = clock.GetUtcNow();
                await db.Outbox.Where(m => published.Contains(m.Id)).ExecuteUpdateAsync(m => m.SetProperty(x => x.PublishedAt, at), ct);
            }
            foreach (var message in refused)
            {
                var entry = db.Outbox.Attach(message);
                entry.Property(m => m.Attempts).IsModified = true;
                entry.Property(m => m.LastError).IsModified = true;
            }
            if (refused.Count > 0) await db.SaveChangesAsync(ct);
        }
        return failures == 0 && published.Count == pending.Count ? published.Count : 0;
    }

    private TimeSpan Delay(int attempts)
    {
        var delay = options.OutboxInterval * Math.Pow(2, Math.Min(attempts - 1, 16));
        return delay < MaxDelay ? delay : MaxDelay;
    }
}
