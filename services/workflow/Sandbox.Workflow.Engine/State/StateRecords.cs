using System.Text.Json.Serialization;
using Sandbox.Workflow.Engine.Model;

namespace Sandbox.Workflow.Engine.State;

/// <summary>What an open subscription waits for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SubscriptionKind>))]
public enum SubscriptionKind
{
    /// <summary>A timer.</summary>
    Timer,
    /// <summary>A message.</summary>
    Message,
}

/// <summary>An open timer or message subscription of a waiting element.</summary>
/// <param name="Key">The key the host passes back to fire or correlate it.</param>
/// <param name="Kind">Timer or message.</param>
/// <param name="ElementInstanceKey">The element instance it belongs to (the activity of a boundary event, the gateway of an event-based gateway, the scope of an event subprocess).</param>
/// <param name="ElementId">The catching event.</param>
/// <param name="DueAt">For a timer: when it is due.</param>
/// <param name="Repetitions">For a timer: how many more times it fires after this one is due; -1 for ever.</param>
/// <param name="Interval">For a cycle: the ISO 8601 interval.</param>
/// <param name="MessageName">For a message: its name.</param>
/// <param name="CorrelationKey">For a message: its correlation key.</param>
public sealed record Subscription(
    long Key, SubscriptionKind Kind, long ElementInstanceKey, string ElementId,
    DateTimeOffset? DueAt = null, int Repetitions = 0, string? Interval = null,
    string? MessageName = null, string? CorrelationKey = null);

/// <summary>Why an instance stopped at an element.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IncidentKind>))]
public enum IncidentKind
{
    /// <summary>A job failed with no retries left.</summary>
    JobNoRetries,
    /// <summary>A FEEL expression failed or gave the wrong type.</summary>
    ExpressionError,
    /// <summary>No outgoing flow of a gateway could be taken.</summary>
    NoFlowTaken,
    /// <summary>A BPMN error was thrown and nothing catches it.</summary>
    UnhandledError,
    /// <summary>The called process is not deployed.</summary>
    CalledProcessNotFound,
    /// <summary>One command ran more steps than the budget allows (a cycle without a wait state).</summary>
    StepBudgetExceeded,
}

/// <summary>An open incident: the element instance stays where it is until an admin resolves it.</summary>
/// <param name="Key">The key to resolve it by.</param>
/// <param name="Kind">Why.</param>
/// <param name="ElementInstanceKey">The element instance that stopped.</param>
/// <param name="ElementId">Its element.</param>
/// <param name="Message">A readable reason.</param>
/// <param name="CreatedAt">When it was raised.</param>
/// <param name="ErrorCode">For <see cref="IncidentKind.UnhandledError"/>: the code of the BPMN error nothing caught (a host passes it to the calling instance).</param>
public sealed record Incident(long Key, IncidentKind Kind, long ElementInstanceKey, string ElementId, string Message, DateTimeOffset CreatedAt,
    string? ErrorCode = null);

/// <summary>One element instance's visit, for the instance history.</summary>
/// <param name="ElementInstanceKey">The element instance.</param>
/// <param name="ElementId">The element.</param>
/// <param name="Kind">The element type.</param>
/// <param name="EnteredAt">When it was entered.</param>
/// <param name="LeftAt">When it was left; null while it is active.</param>
/// <param name="Terminated">True when it was interrupted or cancelled rather than completed.</param>
public sealed record HistoryEntry(long ElementInstanceKey, string ElementId, ElementKind Kind, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt = null, bool Terminated = false);
