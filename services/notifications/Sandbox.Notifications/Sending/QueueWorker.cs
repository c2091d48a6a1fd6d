using Microsoft.EntityFrameworkCore;
using Sandbox.Notifications.Data;
using Sandbox.Notifications.Hosting;

namespace Sandbox.Notifications.Sending;

/// <summary>
/// Sends what is queued. A batch is claimed first (status <c>sending</c>, a claim token and a lease), so two workers
/// never take the same message; a message whose lease ran out (its worker died) is taken again. A send that has
/// started is allowed to finish on shutdown, because cancelling it after the binding handed the mail over would
/// send it twice; claimed messages not yet started are put back.
/// </summary>
public sealed class QueueWorker(IServiceScopeFactory scopes, NotificationsOptions options, QueueSignal signal,
    MessagePreparer preparer, IMessageSender sender, RateLimits limits, Telemetry telemetry, TimeProvider clock, WriteGate gate,
    ILogger<QueueWorker> logger) : BackgroundService
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            List<NotificationRow> batch;
            try
            {
                batch = await ClaimAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(error, "Reading the notification queue failed");
                await Wait(stoppingToken);
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (batch.Count == 0)
            {
                await Wait(stoppingToken);
                continue;
            }
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelSends },
                async (row, _) => await ProcessAsync(row, stoppingToken));
        }
    }

    /// <summary>
    /// Waits for sends in flight even past the host's shutdown timeout (each is bounded by its own timeout), so the
    /// channel is not torn down under a send whose mail may already be on its way.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using var drain = new CancellationTokenSource(SendTimeout + TimeSpan.FromSeconds(5));
        await base.StopAsync(drain.Token);
    }

    private async Task Wait(CancellationToken stoppingToken)
    {
        try
        {
            await signal.WaitAsync(options.PollInterval, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<List<NotificationRow>> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await Due(db.Notifications, now).OrderBy(n => n.NextAttemptAt).Select(n => n.Id).Take(options.BatchSize).ToListAsync(ct);
        if (ids.Count == 0) return [];
        var token = Guid.NewGuid();
        var lease = now + options.Lease;
        using (await gate.EnterAsync(ct))
            await Due(db.Notifications, now).Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.Status, NotificationStatus.Sending)
            .SetProperty(n => n.LeaseUntil, lease)
            .SetProperty(n => n.ClaimToken, token), ct);
        return await db.Notifications.AsNoTracking().Where(n => n.ClaimToken == token).ToListAsync(ct);
    }

    private static IQueryable<NotificationRow> Due(IQueryable<NotificationRow> rows, DateTime now) => rows.Where(n =>
        (n.Status == NotificationStatus.Queued && n.NextAttemptAt <= now)
        || (n.Status == NotificationStatus.Sending && n.LeaseUntil < now));

    private async Task ProcessAsync(NotificationRow row, CancellationToken stopping)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = new QueueUpdates(scope.ServiceProvider.GetRequiredService<NotificationsDb>(), row, clock, gate);
        if (stopping.IsCancellationRequested)
        {
            await queue.ReleaseAsync(clock.GetUtcNow().UtcDateTime);
            return;
        }
        using var activity = telemetry.StartSendActivity(row.Id, row.TemplateId, row.Channel, row.TraceParent);
        if (!limits.TryAcquire(row.TenantId, row.Channel, out var nextWindow))
        {
            await queue.ReleaseAsync(nextWindow);
            return;
        }
        try
        {
            using var timeout = new CancellationTokenSource(SendTimeout);
            var message = await preparer.PrepareAsync(row, timeout.Token);
            queue.Rendered = message;
            if (row.Channel != Templates.Channels.InApp) await sender.SendAsync(message.Outgoing, timeout.Token);
            await queue.CompleteAsync(options.CaptureSms);
            telemetry.Sent(row.TemplateId, row.Channel, clock.GetUtcNow().UtcDateTime - row.RequestedAt);
        }
        catch (Exception error) when (Classify(error) is var (permanent, reason))
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, reason);
            if (permanent || row.Attempts + 1 >= options.MaxAttempts)
            {
                var why = permanent ? reason : $"Gave up after {row.Attempts + 1} attempts: {reason}";
                logger.LogWarning("Notification {NotificationId} failed: {Reason}", row.Id, why);
                await queue.FailAsync(why);
                telemetry.Failed(row.TemplateId, row.Channel, permanent ? "permanent" : "exhausted");
            }
            else
            {
                var delay = Backoff(row.Attempts + 1);
                logger.LogInformation("Notification {NotificationId} will be tried again in {Delay}: {Reason}", row.Id, delay, reason);
                await queue.RetryAsync(clock.GetUtcNow().UtcDateTime + delay, reason);
                telemetry.Retried(row.TemplateId, row.Channel);
            }
        }
    }

    /// <summary>Doubles from <c>RetryDelay</c> up to <c>MaxRetryDelay</c>, with up to a fifth more at random so retries spread.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Min(options.MaxRetryDelay.TotalSeconds, options.RetryDelay.TotalSeconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromSeconds(seconds * (1 + Random.Shared.NextDouble() / 5));
    }

    private static (bool Permanent, string Reason) Classify(Exception error) => error switch
    {
        DeliveryException d => (d.Permanent, d.Message),
        Templates.MissingVariablesException m => (true, m.Message),
        _ => (false, error.Message),
    };
}
