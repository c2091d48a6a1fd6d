using System.Text.Json.Nodes;
using Dapr;
using Microsoft.AspNetCore.Http.HttpResults;
using Sandbox.Notifications.Events;
using Sandbox.Notifications.Hosting;
using Sandbox.Notifications.Sending;

namespace Sandbox.Notifications.Apis;

/// <summary>The Dapr subscription to <c>notification-requested</c>; only the sidecar may call it.</summary>
public static class SubscriptionApi
{
    /// <summary>The route the sidecar delivers the event to.</summary>
    public const string Route = "/api/notifications/events/notification-requested";

    public static RouteGroupBuilder MapSubscriptionApi(this RouteGroupBuilder api)
    {
        var options = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<NotificationsOptions>();
        api.MapPost("/events/notification-requested", Handle)
            .WithTopic(new TopicOptions { PubsubName = options.PubSub, Name = NotificationRequested.Topic, DeadLetterTopic = NotificationRequested.DeadLetterTopic })
            .RequireAuthorization(NotificationsPolicies.DaprApp)
            .ExcludeFromDescription();
        return api;
    }

    /// <summary>
    /// A redelivered event finds its notification by id and is acknowledged again. An event that can never be sent
    /// (unknown template, missing variables) is recorded as a failed notification and acknowledged; a malformed one is
    /// dropped to the dead-letter topic; anything unexpected answers 500 so the sidecar delivers it again.
    /// </summary>
    private static async Task<Ok<JsonObject>> Handle(NotificationRequested evt, HttpRequest http, NotificationIntake intake,
        Telemetry telemetry, ILogger<NotificationRequested> logger, CancellationToken ct)
    {
        using var activity = telemetry.StartRequestActivity(evt.Template ?? "", http.HttpContext.Items[CloudEventTrace.ItemKey] as string);
        if (string.IsNullOrWhiteSpace(evt.NotificationId) || string.IsNullOrWhiteSpace(evt.TenantId) || string.IsNullOrWhiteSpace(evt.Template)
            || evt.NotificationId.Length > 280 || evt.Recipient is null)
        {
            logger.LogWarning("Dropped a notification-requested event without id, tenant, template or recipient");
            return Status("DROP");
        }
        activity?.SetTag("notification.key", evt.NotificationId);
        var request = new NotificationRequest(evt.TenantId, evt.Template, evt.Language, evt.Recipient, evt.Data ?? [],
            evt.Reference, evt.ProcessInstanceId, $"event:{evt.NotificationId}");
        var result = await intake.AcceptAsync(request, ct);
        var failure = result.TemplateNotFound ? $"No template '{evt.Template}' in tenant '{evt.TenantId}'."
            : result.MissingVariables is { } missing ? $"Missing template variables: {string.Join(", ", missing)}"
            : result.Errors is { } errors ? string.Join(" ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}")))
            : null;
        if (failure is not null)
        {
            logger.LogWarning("Notification {NotificationKey} cannot be sent: {Reason}", evt.NotificationId, failure);
            await intake.RecordFailedAsync(request, failure, ct);
        }
        return Status("SUCCESS");
    }

    private static Ok<JsonObject> Status(string status) => TypedResults.Ok(new JsonObject { ["status"] = status });
}
