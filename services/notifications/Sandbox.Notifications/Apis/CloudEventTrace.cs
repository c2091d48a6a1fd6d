using System.Text.Json;

namespace Sandbox.Notifications.Apis;

/// <summary>
/// Keeps the <c>traceparent</c> of an incoming CloudEvent before the CloudEvents middleware unwraps the body, so the
/// notification continues the publisher's trace even when the sidecar sends no <c>traceparent</c> header.
/// </summary>
public static class CloudEventTrace
{
    /// <summary>The <see cref="HttpContext.Items"/> key of the event's traceparent.</summary>
    public const string ItemKey = "cloudevent.traceparent";

    public static IApplicationBuilder UseCloudEventTraceParent(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api/notifications/events")
            && request.ContentType?.StartsWith("application/cloudevents+json", StringComparison.OrdinalIgnoreCase) == true)
        {
            request.EnableBuffering();
            try
            {
                using var envelope = await JsonDocument.ParseAsync(request.Body, default, context.RequestAborted);
                if (envelope.RootElement.ValueKind == JsonValueKind.Object
                    && envelope.RootElement.TryGetProperty("traceparent", out var traceParent) && traceParent.ValueKind == JsonValueKind.String)
                    context.Items[ItemKey] = traceParent.GetString();
            }
            catch (JsonException)
            {
                // The CloudEvents middleware answers a malformed envelope.
            }
            request.Body.Position = 0;
        }
        await next(context);
    });
}
