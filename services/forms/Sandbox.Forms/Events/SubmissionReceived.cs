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
/// <param name="Attachments">The files the data's filepicker fields name (their ids are the values).</param>
/// <param name="Language">The language the citizen used (sv, nb, fi or en).</param>
public sealed record SubmissionReceived(
    Guid SubmissionId, string Reference, string TenantId, string FormId, int FormVersion,
    string Subject, DateTimeOffset SubmittedAt, JsonObject Data, IReadOnlyList<SubmittedFile> Attachments, string Language);

/// <summary>A file of a submission, as the event and the submission answer describe it.</summary>
public sealed record SubmittedFile(Guid Id, string FileName, string ContentType, long Size);
