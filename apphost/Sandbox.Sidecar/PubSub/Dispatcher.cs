using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Sandbox.Sidecar.Components;
using Sandbox.Sidecar.Hosting;

namespace Sandbox.Sidecar.PubSub;

/// <summary>
/// Delivers one pub/sub component's messages to one app: queues a delivery for each new message the app subscribes
/// to, sends due deliveries (several at a time), and settles, retries or dead-letters each by the app's answer.
/// </summary>
public sealed partial class Dispatcher(Broker broker, AppChannel app, RetryPolicy retry, TimeProvider clock, ILogger logger)
{
    private const int MaxInFlight = 64;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan UnavailableBackoff = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<long, bool> _inFlight = new();
    private System.Threading.Channels.Channel<bool>? _wakeup;

    public async Task RunAsync(CancellationToken stopping)
    {
        var subscriptions = (await app.Subscriptions.WaitAsync(stopping)).Where(s => s.PubsubName == broker.Name).ToList();
        if (subscriptions.Count == 0)
        {
            await broker.Log.DropCursorAsync(app.Id);
            return;
        }
        _wakeup = broker.Subscribe();
        var wakeup = _wakeup.Reader;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(subscriptions, stopping);
            }
            catch (Microsoft.Data.Sqlite.SqliteException error)
            {
                // The file may be busy with another sidecar process for longer than the timeout: try again next round.
                LogStoreFailed(error, broker.Name, app.Id);
            }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            wait.CancelAfter(Poll);
            try
            {
                if (await wakeup.WaitToReadAsync(wait.Token)) wakeup.TryRead(out _);
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
            }
        }
    }

    private async Task DispatchDueAsync(List<Subscription> subscriptions, CancellationToken stopping)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        while (await broker.Log.FanOutAsync(app.Id, message => Route(subscriptions, message), now) > 0) { }
        var free = MaxInFlight - _inFlight.Count;
        if (free <= 0) return;
        foreach (var (delivery, message) in broker.Log.Due(app.Id, now, free, _inFlight.Keys.ToHashSet()))
        {
            _inFlight[delivery.Seq] = true;
            _ = Task.Run(() => DeliverAsync(delivery, message, stopping), CancellationToken.None);
        }
    }

    private static (string Path, bool Raw, string? DeadLetter)? Route(List<Subscription> subscriptions, StoredMessage message)
    {
        var subscription = subscriptions.FirstOrDefault(s => s.Topic == message.Topic);
        if (subscription is null) return null;
        var envelope = subscription.Rules.Count > 0 ? JsonNode.Parse(message.Envelope) as JsonObject : null;
        var path = envelope is null ? subscription.DefaultPath : RouteMatcher.PathFor(subscription, envelope);
        return path is null ? null : (path, subscription.RawPayload, subscription.DeadLetterTopic);
    }

    private async Task DeliverAsync(PendingDelivery delivery, StoredMessage message, CancellationToken stopping)
    {
        try
        {
            using var activity = Telemetry.StartDeliveryActivity(message.Topic, app.Id, message.Traceparent);
            var outcome = await DeliveryClient.DeliverAsync(app, delivery, message, stopping);
            activity?.SetTag("dapr.delivery.outcome", outcome.ToString());
            await SettleAsync(delivery, message, outcome);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the delivery stays queued and is made again after a restart.
        }
        catch (Exception error)
        {
            LogDeliveryFailed(error, message.Topic, app.Id);
        }
        finally
        {
            _inFlight.TryRemove(delivery.Seq, out _);
            // A free slot: look for more due deliveries now rather than at the next poll.
            _wakeup?.Writer.TryWrite(true);
        }
    }

    private async Task SettleAsync(PendingDelivery delivery, StoredMessage message, DeliveryOutcome outcome)
    {
        var now = clock.GetUtcNow();
        switch (outcome)
        {
            case DeliveryOutcome.Success:
                Telemetry.DeliveryLatency.Record(now.ToUnixTimeMilliseconds() - message.PublishedAt, new KeyValuePair<string, object?>("topic", message.Topic));
                await broker.Log.SettleAsync(delivery);
                break;
            case DeliveryOutcome.AppUnavailable:
                await broker.Log.RescheduleAsync(delivery, delivery.Attempts, now.Add(UnavailableBackoff).ToUnixTimeMilliseconds());
                break;
            case DeliveryOutcome.Retry when !retry.Exhausted(delivery.Attempts + 1):
                Telemetry.Retries.Add(1, new KeyValuePair<string, object?>("topic", message.Topic));
                await broker.Log.RescheduleAsync(delivery, delivery.Attempts + 1, now.Add(retry.DelayBefore(delivery.Attempts + 1)).ToUnixTimeMilliseconds());
                break;
            default:
                await GiveUpAsync(delivery, message, outcome);
                break;
        }
    }

    private async Task GiveUpAsync(PendingDelivery delivery, StoredMessage message, DeliveryOutcome outcome)
    {
        if (delivery.DeadLetterTopic is { } deadLetter)
        {
            await broker.DeadLetterAsync(message, deadLetter);
            LogDeadLettered(message.Topic, app.Id, outcome, deadLetter);
        }
        else
        {
            Telemetry.Dropped.Add(1, new KeyValuePair<string, object?>("topic", message.Topic));
            LogDropped(message.Topic, app.Id, outcome);
        }
        await broker.Log.SettleAsync(delivery);
    }

    [LoggerMessage(LogLevel.Warning, "Message on {Topic} for app {AppId} ({Outcome}) sent to dead-letter topic {DeadLetterTopic}")]
    private partial void LogDeadLettered(string topic, string appId, DeliveryOutcome outcome, string deadLetterTopic);

    [LoggerMessage(LogLevel.Warning, "Message on {Topic} for app {AppId} dropped ({Outcome}); no dead-letter topic is set")]
    private partial void LogDropped(string topic, string appId, DeliveryOutcome outcome);

    [LoggerMessage(LogLevel.Warning, "Reading pub/sub {PubSub} for app {AppId} failed; trying again shortly")]
    private partial void LogStoreFailed(Exception error, string pubSub, string appId);

    [LoggerMessage(LogLevel.Error, "Delivery on {Topic} to app {AppId} failed unexpectedly; it stays queued")]
    private partial void LogDeliveryFailed(Exception error, string topic, string appId);
}
