using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sandbox.Notifications;

/// <summary>The notifications service's traces and metrics (<c>Sandbox.Notifications</c>), per template and channel.</summary>
public sealed class Telemetry : IDisposable
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "Sandbox.Notifications";

    private readonly ActivitySource _source = new(Name);
    private readonly Meter _meter;
    private readonly Counter<long> _requested;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retried;
    private readonly Histogram<double> _latency;

    public Telemetry(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        _requested = _meter.CreateCounter<long>("sandbox.notifications.requested", description: "Notifications accepted, per template and channel");
        _sent = _meter.CreateCounter<long>("sandbox.notifications.sent", description: "Notifications handed to their channel, per template and channel");
        _failed = _meter.CreateCounter<long>("sandbox.notifications.failed", description: "Notifications given up, per template and channel");
        _retried = _meter.CreateCounter<long>("sandbox.notifications.retried", description: "Transient failures that will be tried again");
        _latency = _meter.CreateHistogram<double>("sandbox.notifications.latency", unit: "s", description: "From request to sent, per template and channel");
    }

    /// <summary>Starts the span of accepting a request, as a child of <paramref name="traceParent"/> when given (a CloudEvent's).</summary>
    public Activity? StartRequestActivity(string template, string? traceParent)
    {
        var parent = ActivityContext.TryParse(traceParent, null, out var context) ? context : default;
        return _source.StartActivity("notifications.request", ActivityKind.Consumer, parent)?.SetTag("notification.template", template);
    }

    /// <summary>Starts the span of one send attempt, continuing the trace of the request that queued it.</summary>
    public Activity? StartSendActivity(Guid id, string template, string channel, string? traceParent)
    {
        var parent = ActivityContext.TryParse(traceParent, null, out var context) ? context : default;
        return _source.StartActivity("notifications.send", ActivityKind.Producer, parent)
            ?.SetTag("notification.id", id).SetTag("notification.template", template).SetTag("notification.channel", channel);
    }

    public void Requested(string template, string channel) => _requested.Add(1, Tags(template, channel));

    public void Sent(string template, string channel, TimeSpan sinceRequest)
    {
        _sent.Add(1, Tags(template, channel));
        _latency.Record(sinceRequest.TotalSeconds, Tags(template, channel));
    }

    public void Failed(string template, string channel, string kind) =>
        _failed.Add(1, new("template", template), new("channel", channel), new("kind", kind));

    public void Retried(string template, string channel) => _retried.Add(1, Tags(template, channel));

    private static KeyValuePair<string, object?>[] Tags(string template, string channel) => [new("template", template), new("channel", channel)];

    public void Dispose()
    {
        _source.Dispose();
        _meter.Dispose();
    }
}
