using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sandbox.Sidecar.PubSub;

/// <summary>Wraps published data in a CloudEvent 1.0 envelope with the fields daprd adds.</summary>
public static class CloudEvents
{
    public const string ContentType = "application/cloudevents+json";

    public static JsonObject Envelope(byte[] data, string? contentType, string source, string pubsub, string topic, string? traceparent)
    {
        contentType = string.IsNullOrEmpty(contentType) ? "application/json" : contentType;
        JsonObject envelope;
        if (contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            envelope = JsonNode.Parse(data) as JsonObject ?? throw DaprErrors.BadRequest("ERR_PUBSUB_CLOUD_EVENTS_SER", "a cloud event must be a JSON object");
        }
        else
        {
            envelope = new JsonObject { ["datacontenttype"] = contentType };
            if (IsJson(contentType) && TryParse(data) is { } json) envelope["data"] = json;
            else if (contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || IsJson(contentType)) envelope["data"] = Encoding.UTF8.GetString(data);
            else envelope["data_base64"] = Convert.ToBase64String(data);
        }
        envelope["id"] ??= Guid.NewGuid().ToString();
        envelope["source"] ??= source;
        envelope["type"] ??= "com.dapr.event.sent";
        envelope["specversion"] ??= "1.0";
        envelope["datacontenttype"] ??= "application/json";
        envelope["time"] ??= DateTimeOffset.UtcNow.ToString("O");
        envelope["topic"] = topic;
        envelope["pubsubname"] = pubsub;
        // Continue the publisher's trace; without one, start a trace here, as daprd always sets one.
        traceparent ??= Activity.Current?.Id ?? $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01";
        envelope["traceparent"] = traceparent;
        envelope["traceid"] = traceparent;
        return envelope;
    }

    private static bool IsJson(string contentType) =>
        contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase);

    private static JsonNode? TryParse(byte[] data)
    {
        try
        {
            return JsonNode.Parse(data);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
