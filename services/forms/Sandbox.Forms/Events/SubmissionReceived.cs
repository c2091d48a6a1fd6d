using System.Text.Json.Nodes;

namespace Sandbox.Forms.Events;

/// <summary>Topics the forms service publishes on the <see cref="PubSub"/> component.</summary>
public static class Topics
{
    /// <summary>The Dapr pub/sub component.</summary>
    public const string PubSub = "pubsub";

    /// <summary>A citizen's submission was validated and stored.</summary>
    public const string SubmissionReceived = "submission-received";
}

/// <summary>Published on <see cref="Topics.SubmissionReceived"/> once a submission is stored.</summary>
public sealed record SubmissionReceived(
    Guid SubmissionId, string Reference, string TenantId, string FormId, int FormVersion,
    string Subject, DateTimeOffset SubmittedAt, JsonObject Data);
