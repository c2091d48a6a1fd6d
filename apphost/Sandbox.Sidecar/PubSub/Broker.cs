using System.Text.Json;
using System.Threading.Channels;
using Sandbox.Sidecar.Components;

namespace Sandbox.Sidecar.PubSub;

/// <summary>
/// One durable pub/sub component (<c>pubsub.in-memory</c> semantics, kept in SQLite). Publish returns only after the
/// message is committed; dispatchers of every subscribing app then deliver it at least once.
/// </summary>
public sealed class Broker
{
    private readonly TimeProvider _clock;
    private readonly List<Channel<bool>> _wakeups = [];

    public Broker(Component component, string dataPath, TimeProvider clock, IEnumerable<string> appIds)
    {
        Component = component;
        _clock = clock;
        Log = new MessageLog(Path.Combine(dataPath, $"pubsub-{component.Name}.db"));
        foreach (var appId in appIds) Log.EnsureCursor(appId);
    }

    public Component Component { get; }

    public string Name => Component.Name;

    public MessageLog Log { get; }

    public async Task<long> PublishAsync(string publisherApp, string topic, byte[] data, string? contentType, string? traceparent)
    {
        if (string.IsNullOrEmpty(topic)) throw DaprErrors.BadRequest("ERR_TOPIC_NAME_EMPTY", $"topic is empty in pubsub {Name}");
        var envelope = CloudEvents.Envelope(data, contentType, publisherApp, Name, topic, traceparent);
        var seq = await Log.AppendAsync(topic, JsonSerializer.SerializeToUtf8Bytes(envelope), data, contentType ?? "application/json",
            envelope["traceparent"]?.ToString(), _clock.GetUtcNow().ToUnixTimeMilliseconds());
        Telemetry.Published.Add(1, new KeyValuePair<string, object?>("topic", topic));
        Wake();
        return seq;
    }

    /// <summary>Sends a message that could not be delivered to its dead-letter topic, unchanged.</summary>
    public async Task DeadLetterAsync(StoredMessage message, string topic)
    {
        await Log.AppendAsync(topic, message.Envelope, message.Data, message.ContentType, message.Traceparent, _clock.GetUtcNow().ToUnixTimeMilliseconds());
        Telemetry.DeadLettered.Add(1, new KeyValuePair<string, object?>("topic", message.Topic));
        Wake();
    }

    /// <summary>A wake-up signal for a dispatcher, written on every publish here (and by the dispatcher itself).</summary>
    public Channel<bool> Subscribe()
    {
        var channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        lock (_wakeups) _wakeups.Add(channel);
        return channel;
    }

    private void Wake()
    {
        lock (_wakeups)
        {
            foreach (var wakeup in _wakeups) wakeup.Writer.TryWrite(true);
        }
    }
}
