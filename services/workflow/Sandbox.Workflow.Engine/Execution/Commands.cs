using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sandbox.Workflow.Engine.Execution;

/// <summary>Something the host asks an instance to do; the engine answers with a <see cref="StepResult"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "command")]
[JsonDerivedType(typeof(CompleteJob), "completeJob")]
[JsonDerivedType(typeof(FailJob), "failJob")]
[JsonDerivedType(typeof(ThrowError), "throwError")]
[JsonDerivedType(typeof(CompleteUserTask), "completeUserTask")]
[JsonDerivedType(typeof(CorrelateMessage), "correlateMessage")]
[JsonDerivedType(typeof(FireTimer), "fireTimer")]
[JsonDerivedType(typeof(CompleteCallActivity), "completeCallActivity")]
[JsonDerivedType(typeof(SetVariables), "setVariables")]
[JsonDerivedType(typeof(ResolveIncident), "resolveIncident")]
[JsonDerivedType(typeof(CancelInstance), "cancelInstance")]
public abstract record InstanceCommand;

/// <summary>Starts a new instance.</summary>
/// <param name="InstanceId">The host's id for the instance.</param>
/// <param name="Variables">The start variables (form data, message payload); may be null.</param>
/// <param name="StartEventId">The start event to start at (a message or timer start); null for the none start event.</param>
public sealed record StartInstance(string InstanceId, JsonObject? Variables = null, string? StartEventId = null);

/// <summary>A worker finished the job of an element instance.</summary>
/// <param name="ElementInstanceKey">The job's element instance (from <see cref="JobCreated"/>).</param>
/// <param name="Variables">The job's result variables.</param>
public sealed record CompleteJob(long ElementInstanceKey, JsonObject? Variables = null) : InstanceCommand;

/// <summary>A worker failed a job; with retries left it comes back (after the backoff), else an incident is raised.</summary>
/// <param name="ElementInstanceKey">The job's element instance.</param>
/// <param name="Retries">The retries left, as the worker reports them.</param>
/// <param name="ErrorMessage">Why it failed.</param>
/// <param name="Backoff">How long to wait before the job is offered again.</param>
public sealed record FailJob(long ElementInstanceKey, int Retries, string? ErrorMessage = null, TimeSpan? Backoff = null) : InstanceCommand;

/// <summary>
/// A worker threw a BPMN error from a job (or the host passes on an error nothing caught in a called instance);
/// the nearest matching error catch event handles it.
/// </summary>
/// <param name="ElementInstanceKey">The job's element instance, or the call activity's.</param>
/// <param name="ErrorCode">The error code.</param>
/// <param name="ErrorMessage">A readable message; it goes into the incident when nothing catches the error.</param>
/// <param name="Variables">Variables for the catch event.</param>
public sealed record ThrowError(long ElementInstanceKey, string ErrorCode, string? ErrorMessage = null, JsonObject? Variables = null) : InstanceCommand;

/// <summary>A user completed a user task.</summary>
/// <param name="ElementInstanceKey">The task's element instance (from <see cref="UserTaskCreated"/>).</param>
/// <param name="Variables">The submitted form data.</param>
public sealed record CompleteUserTask(long ElementInstanceKey, JsonObject? Variables = null) : InstanceCommand;

/// <summary>A message matched an open subscription (the host matches name and correlation key).</summary>
/// <param name="SubscriptionKey">The subscription (from <see cref="MessageSubscriptionOpened"/>).</param>
/// <param name="Variables">The message's variables.</param>
public sealed record CorrelateMessage(long SubscriptionKey, JsonObject? Variables = null) : InstanceCommand;

/// <summary>A scheduled timer is due.</summary>
/// <param name="SubscriptionKey">The timer (from <see cref="TimerScheduled"/>).</param>
public sealed record FireTimer(long SubscriptionKey) : InstanceCommand;

/// <summary>The process a call activity started has completed.</summary>
/// <param name="ElementInstanceKey">The call activity's element instance (from <see cref="CallActivityStartRequested"/>).</param>
/// <param name="Variables">The called instance's variables at its end.</param>
public sealed record CompleteCallActivity(long ElementInstanceKey, JsonObject? Variables = null) : InstanceCommand;

/// <summary>Sets variables in a scope (for example before resolving an incident).</summary>
/// <param name="ScopeKey">The element instance whose scope is written; the process instance's key is 1.</param>
/// <param name="Variables">The variables.</param>
/// <param name="Local">True to write them all in that scope; false to propagate each to where it is defined.</param>
public sealed record SetVariables(long ScopeKey, JsonObject Variables, bool Local = false) : InstanceCommand;

/// <summary>Resolves an incident and retries what stopped.</summary>
/// <param name="IncidentKey">The incident.</param>
/// <param name="Retries">For a job incident: the retries the job gets back.</param>
public sealed record ResolveIncident(long IncidentKey, int Retries = 1) : InstanceCommand;

/// <summary>Cancels the instance: every element is terminated.</summary>
public sealed record CancelInstance : InstanceCommand;
