using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sandbox.Sidecar;

/// <summary>The sidecar's spans and metrics, named <c>Sandbox.Sidecar</c>.</summary>
public static class Telemetry
{
    public const string Name = "Sandbox.Sidecar";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Published = Meter.CreateCounter<long>("sidecar.pubsub.published", "{message}", "Messages accepted by publish");
    public static readonly Histogram<double> DeliveryLatency = Meter.CreateHistogram<double>("sidecar.pubsub.delivery.latency", "ms", "Time from publish to the app's answer");
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("sidecar.pubsub.retries", "{delivery}", "Deliveries scheduled for another attempt");
    public static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("sidecar.pubsub.deadlettered", "{message}", "Messages sent to a dead-letter topic");
    public static readonly Counter<long> Dropped = Meter.CreateCounter<long>("sidecar.pubsub.dropped", "{message}", "Messages dropped without a dead-letter topic");

    public static void ObserveQueueDepth(Func<long> depth) =>
        Meter.CreateObservableGauge("sidecar.pubsub.queue.depth", depth, "{delivery}", "Deliveries waiting to be made");

    /// <summary>A server span for one Dapr API call, continuing the caller's trace when it sent one.</summary>
    public static Activity? StartApiActivity(string api, string appId, string? traceparent)
    {
        ActivityContext.TryParse(traceparent, null, out var parent);
        var activity = Source.StartActivity(api, ActivityKind.Server, parent);
        activity?.SetTag("dapr.app_id", appId);
        return activity;
    }

    /// <summary>A producer-to-consumer span for one delivery attempt, linked to the publisher's trace.</summary>
    public static Activity? StartDeliveryActivity(string topic, string appId, string? traceparent)
    {
        ActivityContext.TryParse(traceparent, null, out var parent);
        var activity = Source.StartActivity($"deliver {topic}", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.destination.name", topic);
        activity?.SetTag("dapr.app_id", appId);
        return activity;
    }
}
