using Dapr.Client;
using Microsoft.EntityFrameworkCore;
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
/// Delivers outbox events in order, at least once: an event is marked published only after the sidecar
/// accepted it, so events committed before a stop are sent after the next start.
/// </summary>
internal sealed class OutboxPublisher(IServiceScopeFactory scopes, IEventPublisher publisher, OutboxSignal signal,
    FormsOptions options, TimeProvider clock, Telemetry telemetry, ILogger<OutboxPublisher> logger) : BackgroundService
{
    private const int Batch = 50;

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
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        var pending = await db.Outbox.Where(m => m.PublishedAt == null).OrderBy(m => m.Id).Take(Batch).ToListAsync(ct);
        foreach (var message in pending)
        {
            try
            {
                await publisher.PublishAsync(message.Topic, message.PayloadJson, ct);
                message.PublishedAt = clock.GetUtcNow();
                telemetry.EventPublished(message.Topic);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                logger.LogWarning("Outbox event {OutboxId} on {Topic} not published (attempt {Attempts}): {Error}",
                    message.Id, message.Topic, message.Attempts, e.Message);
                await db.SaveChangesAsync(ct);
                return 0; // keep order: retry this one first, after the interval
            }
            await db.SaveChangesAsync(ct);
        }
        return pending.Count;
    }
}
