namespace Sandbox.Workflow.Events;

/// <summary>The Dapr pub/sub component and the topics the workflow service publishes and subscribes to.</summary>
public static class Topics
{
    /// <summary>The Dapr pub/sub component.</summary>
    public const string PubSub = "pubsub";

    /// <summary>A citizen's submission was stored by the forms service (subscribed).</summary>
    public const string SubmissionReceived = "submission-received";

    /// <summary>Where submissions that cannot be handled go.</summary>
    public const string SubmissionReceivedDeadLetter = "submission-received-dead";

    /// <summary>A user task is waiting in the inbox.</summary>
    public const string TaskCreated = "task-created";

    /// <summary>A user task was completed.</summary>
    public const string TaskCompleted = "task-completed";

    /// <summary>An instance's state or its <c>caseStatus</c> variable changed.</summary>
    public const string CaseStatusChanged = "case-status-changed";

    /// <summary>A <c>notify</c> task asks the notifications service to send a message.</summary>
    public const string NotificationRequested = "notification-requested";
}
