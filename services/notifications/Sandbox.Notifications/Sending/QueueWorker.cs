using Sandbox.Data;
using Sandbox.Notifications.Data;
using Sandbox.Notifications.Hosting;

namespace Sandbox.Notifications.Sending;

/// <summary>
/// Sends what is queued, up to <c>MaxParallelSends</c> at a time. Messages are claimed in one statement (status
/// <c>sending</c>, a claim token and a lease; see <see cref="QueueClaims"/>), only as many as there are free slots, so
/// two workers never take the same message and one slow send never holds back a batch; a message whose lease ran out
/// (its worker died) is taken again. Results are written together by the <see cref="OutcomeRecorder"/>. A send that
/// has started is allowed to finish on shutdown, because cancelling it after the binding handed the mail over would
/// send it twice; claimed messages not yet started are put back.
/// </summary>
public sealed class QueueWorker(IServiceScopeFactory scopes, NotificationsOptions options, QueueSignal signal,
    MessagePreparer preparer, IMessageSender sender, RateLimits limits, Telemetry telemetry, TimeProvider clock, SqliteWriteGate gate,
    ILogger<QueueWorker> logger) : BackgroundService
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recorder = new OutcomeRecorder(scopes, options, clock, gate, logger);
        var recording = Task.Run(recorder.RunAsync, CancellationToken.None);
        // A slot is taken from the claim until the result is written.
        using var slots = new SemaphoreSlim(options.MaxParallelSends, options.MaxParallelSends);
        var running = new HashSet<Task>();
        var backlog = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var free = 1 + Take(slots, options.MaxParallelSends - 1);
                if (backlog && free < options.MaxParallelSends / 2)
                {
                    // With a backlog, gather a few more slots so claims stay batches rather than single rows.
                    await Task.Delay(TimeSpan.FromMilliseconds(5), stoppingToken);
                    free += Take(slots, options.MaxParallelSends - free);
                }
                var count = Math.Min(free, options.BatchSize);
                List<NotificationRow> batch;
                try
                {
                    batch = await ClaimAsync(count, stoppingToken);
                }
                catch (Exception error) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(error, "Reading the notification queue failed");
                    batch = [];
                }
                backlog = batch.Count == count;
                if (free > batch.Count) slots.Release(free - batch.Count);
                if (batch.Count == 0)
                {
                    await Wait(stoppingToken);
                    continue;
                }
                foreach (var row in batch)
                {
                    var task = Task.Run(async () =>
                    {
                        try
                        {
                            await recorder.RecordAsync(await ProcessAsync(row, stoppingToken));
                        }
                        finally
                        {
                            slots.Release();
                        }
                    }, CancellationToken.None);
                    lock (running) running.Add(task);
                    _ = task.ContinueWith(t => { lock (running) running.Remove(t); }, TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        Task[] left;
        lock (running) left = [.. running];
        await Task.WhenAll(left);
        recorder.Complete();
        await recording;
    }

    private static int Take(SemaphoreSlim slots, int most)
    {
        var taken = 0;
        while (taken < most && slots.Wait(0)) taken++;
        return taken;
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

    private async Task<List<NotificationRow>> ClaimAsync(int count, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        using (await gate.EnterAsync(ct))
            return await QueueClaims.ClaimAsync(db, now, now + options.Lease, Guid.NewGuid(), count, ct);
    }

    private async Task<SendOutcome> ProcessAsync(NotificationRow row, CancellationToken stopping)
    {
        if (stopping.IsCancellationRequested) return new SendOutcome(row, OutcomeKind.Released, Next: clock.GetUtcNow().UtcDateTime);
        using var activity = telemetry.StartSendActivity(row.Id, row.TemplateId, row.Channel, row.TraceParent);
        if (!limits.TryAcquire(row.TenantId, row.Channel, out var nextWindow)) return new SendOutcome(row, OutcomeKind.Released, Next: nextWindow);
        PreparedMessage? message = null;
        try
        {
            using var timeout = new CancellationTokenSource(SendTimeout);
            message = await preparer.PrepareAsync(row, timeout.Token);
            if (row.Channel != Templates.Channels.InApp) await sender.SendAsync(message.Outgoing, timeout.Token);
            telemetry.Sent(row.TemplateId, row.Channel, clock.GetUtcNow().UtcDateTime - row.RequestedAt);
            return new SendOutcome(row, OutcomeKind.Sent, message);
        }
        catch (Exception error) when (Classify(error) is var (permanent, reason))
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, reason);
            if (permanent || row.Attempts + 1 >= options.MaxAttempts)
            {
                var why = permanent ? reason : $"Gave up after {row.Attempts + 1} attempts: {reason}";
                logger.LogWarning("Notification {NotificationId} failed: {Reason}", row.Id, why);
                telemetry.Failed(row.TemplateId, row.Channel, permanent ? "permanent" : "exhausted");
                return new SendOutcome(row, OutcomeKind.Failed, message, Reason: why);
            }
            var delay = Backoff(row.Attempts + 1);
            logger.LogInformation("Notification {NotificationId} will be tried again in {Delay}: {Reason}", row.Id, delay, reason);
            telemetry.Retried(row.TemplateId, row.Channel);
            return new SendOutcome(row, OutcomeKind.Retry, message, clock.GetUtcNow().UtcDateTime + delay, reason);
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
