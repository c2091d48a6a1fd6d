using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Execution;

/// <summary>
/// Something the host must carry out durably, in the same transaction that stores the new state:
/// create a job or task, schedule a timer, open a subscription, publish an event, record history.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "effect")]
[JsonDerivedType(typeof(ElementEntered), "elementEntered")]
[JsonDerivedType(typeof(ElementLeft), "elementLeft")]
[JsonDerivedType(typeof(JobCreated), "jobCreated")]
[JsonDerivedType(typeof(JobCancelled), "jobCancelled")]
[JsonDerivedType(typeof(UserTaskCreated), "userTaskCreated")]
[JsonDerivedType(typeof(UserTaskCancelled), "userTaskCancelled")]
[JsonDerivedType(typeof(TimerScheduled), "timerScheduled")]
[JsonDerivedType(typeof(TimerCancelled), "timerCancelled")]
[JsonDerivedType(typeof(MessageSubscriptionOpened), "messageSubscriptionOpened")]
[JsonDerivedType(typeof(MessageSubscriptionClosed), "messageSubscriptionClosed")]
[JsonDerivedType(typeof(CallActivityStartRequested), "callActivityStartRequested")]
[JsonDerivedType(typeof(CallActivityCancelled), "callActivityCancelled")]
[JsonDerivedType(typeof(IncidentRaised), "incidentRaised")]
[JsonDerivedType(typeof(IncidentResolved), "incidentResolved")]
[JsonDerivedType(typeof(InstanceCompleted), "instanceCompleted")]
[JsonDerivedType(typeof(InstanceTerminated), "instanceTerminated")]
public abstract record EngineEffect;

/// <summary>An element instance was entered (history; telemetry can count element types from it).</summary>
public sealed record ElementEntered(long ElementInstanceKey, string ElementId, ElementKind Kind, DateTimeOffset At) : EngineEffect;

/// <summary>An element instance was left, completed or terminated.</summary>
public sealed record ElementLeft(long ElementInstanceKey, string ElementId, ElementKind Kind, DateTimeOffset EnteredAt, DateTimeOffset At, bool Terminated) : EngineEffect;

/// <summary>A job is ready for a worker of <paramref name="Type"/> (read its variables with <see cref="InstanceQueries.VisibleVariables"/>).</summary>
/// <param name="ElementInstanceKey">The key the worker completes, fails or throws on.</param>
/// <param name="ElementId">The element.</param>
/// <param name="Type">The job type.</param>
/// <param name="Retries">The retries left.</param>
/// <param name="Headers">The static task headers.</param>
/// <param name="AvailableAt">Not to be offered before this time (after a failure with backoff); null for at once.</param>
public sealed record JobCreated(long ElementInstanceKey, string ElementId, string Type, int Retries,
    ImmutableDictionary<string, string> Headers, DateTimeOffset? AvailableAt) : EngineEffect;

/// <summary>The job is no longer wanted (its element was interrupted or cancelled).</summary>
public sealed record JobCancelled(long ElementInstanceKey, string ElementId) : EngineEffect;

/// <summary>A user task is waiting in the inbox.</summary>
/// <param name="ElementInstanceKey">The key to complete it by.</param>
/// <param name="ElementId">The element.</param>
/// <param name="Name">The task name.</param>
/// <param name="FormId">The linked form id, if any.</param>
/// <param name="FormKey">The form key, if any.</param>
/// <param name="EmbeddedForm">The embedded form-js JSON, if the form key points at one.</param>
/// <param name="Assignee">The assignee, if any.</param>
/// <param name="CandidateGroups">The candidate groups.</param>
/// <param name="CandidateUsers">The candidate users.</param>
/// <param name="DueDate">The due date, if any.</param>
/// <param name="FollowUpDate">The follow-up date, if any.</param>
public sealed record UserTaskCreated(long ElementInstanceKey, string ElementId, string? Name, string? FormId, string? FormKey,
    string? EmbeddedForm, string? Assignee, IReadOnlyList<string> CandidateGroups, IReadOnlyList<string> CandidateUsers,
    DateTimeOffset? DueDate, DateTimeOffset? FollowUpDate) : EngineEffect;

/// <summary>The user task is no longer wanted.</summary>
public sealed record UserTaskCancelled(long ElementInstanceKey, string ElementId) : EngineEffect;

/// <summary>A timer is due at <paramref name="DueAt"/>; send <see cref="FireTimer"/> then.</summary>
public sealed record TimerScheduled(long SubscriptionKey, string ElementId, DateTimeOffset DueAt) : EngineEffect;

/// <summary>The timer is no longer wanted.</summary>
public sealed record TimerCancelled(long SubscriptionKey, string ElementId) : EngineEffect;

/// <summary>The instance waits for a message with this name and correlation key; send <see cref="CorrelateMessage"/> on a match.</summary>
public sealed record MessageSubscriptionOpened(long SubscriptionKey, string ElementId, string MessageName, string CorrelationKey) : EngineEffect;

/// <summary>The message subscription is closed.</summary>
public sealed record MessageSubscriptionClosed(long SubscriptionKey, string ElementId, string MessageName, string CorrelationKey) : EngineEffect;

/// <summary>Start the latest version of <paramref name="ProcessId"/> with these variables; send <see cref="CompleteCallActivity"/> when it completes.</summary>
public sealed record CallActivityStartRequested(long ElementInstanceKey, string ElementId, string ProcessId, JsonObject Variables) : EngineEffect;

/// <summary>The call activity was interrupted or cancelled: cancel the instance it started.</summary>
public sealed record CallActivityCancelled(long ElementInstanceKey, string ElementId) : EngineEffect;

/// <summary>An incident was raised.</summary>
public sealed record IncidentRaised(Incident Incident) : EngineEffect;

/// <summary>An incident was resolved.</summary>
public sealed record IncidentResolved(long IncidentKey) : EngineEffect;

/// <summary>The instance reached its end, with its final process variables.</summary>
public sealed record InstanceCompleted(JsonObject Variables) : EngineEffect;

/// <summary>The instance was cancelled.</summary>
public sealed record InstanceTerminated : EngineEffect;

/// <summary>The outcome of one command: the new state to store and the effects to carry out with it.</summary>
/// <param name="State">The new state (the state passed in is left unchanged).</param>
/// <param name="Effects">What the host must do, in order.</param>
/// <param name="Steps">How many element steps the command took.</param>
public sealed record StepResult(InstanceState State, IReadOnlyList<EngineEffect> Effects, int Steps);
