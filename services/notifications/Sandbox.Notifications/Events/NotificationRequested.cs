using System.Text.Json.Nodes;

namespace Sandbox.Notifications.Events;

/// <summary>Who gets a notification: a person named by subject (identity gives the details), or an address.</summary>
public sealed record Recipient(string? Subject, string? Email, string? Phone);

/// <summary>
/// The <c>notification-requested</c> event (workflow → notifications). <see cref="NotificationId"/> is the idempotency
/// key: <c>{processInstanceId}:{jobKey}:{template}</c>.
/// </summary>
public sealed record NotificationRequested(
    string? NotificationId, string? TenantId, string? Template, string? Language, Recipient? Recipient,
    JsonObject? Data, string? Reference, string? ProcessInstanceId)
{
    /// <summary>The topic it is published on.</summary>
    public const string Topic = "notification-requested";

    /// <summary>Where deliveries that cannot be handled go.</summary>
    public const string DeadLetterTopic = "notification-requested-dead";
}
