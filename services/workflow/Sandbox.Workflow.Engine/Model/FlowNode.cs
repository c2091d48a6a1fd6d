namespace Sandbox.Workflow.Engine.Model;

/// <summary>
/// One executable BPMN element of a deployed process: an event, task, gateway or (sub)process.
/// Immutable once the definition is built; the parts that do not apply to its kind are null.
/// </summary>
public sealed class FlowNode
{
    /// <summary>The BPMN id.</summary>
    public required string Id { get; init; }

    /// <summary>The display name, if any.</summary>
    public string? Name { get; init; }

    /// <summary>The element type.</summary>
    public required ElementKind Kind { get; init; }

    /// <summary>The event trigger (for events; <see cref="EventTrigger.None"/> otherwise).</summary>
    public EventTrigger Trigger { get; init; }

    /// <summary>The id of the flow scope (process, subprocess or event subprocess) that contains this element.</summary>
    public string? ScopeId { get; init; }

    /// <summary>Line in the BPMN file, for error reports.</summary>
    public int Line { get; init; }

    /// <summary>Incoming sequence flows.</summary>
    public IReadOnlyList<SequenceFlow> Incoming { get; internal set; } = [];

    /// <summary>Outgoing sequence flows, in document order.</summary>
    public IReadOnlyList<SequenceFlow> Outgoing { get; internal set; } = [];

    /// <summary>The default flow of a gateway or activity, if any.</summary>
    public string? DefaultFlowId { get; init; }

    /// <summary>Boundary events attached to this activity.</summary>
    public IReadOnlyList<FlowNode> Boundaries { get; internal set; } = [];

    /// <summary>For a boundary event: the activity it is attached to.</summary>
    public string? AttachedToId { get; init; }

    /// <summary>For a boundary event or event subprocess start: whether it interrupts.</summary>
    public bool Interrupting { get; init; } = true;

    /// <summary>For a container: its start events (none, message or timer; not those of event subprocesses).</summary>
    public IReadOnlyList<FlowNode> StartEvents { get; internal set; } = [];

    /// <summary>For a container: the event subprocesses inside it.</summary>
    public IReadOnlyList<FlowNode> EventSubProcesses { get; internal set; } = [];

    /// <summary>For an event subprocess: its one triggered start event.</summary>
    public FlowNode? TriggerStart { get; internal set; }

    /// <summary>Input and output variable mappings (<c>zeebe:ioMapping</c>).</summary>
    public IoMapping Mapping { get; init; } = IoMapping.Empty;

    /// <summary>The job a worker does (service, send task, message throw).</summary>
    public JobDefinition? Job { get; init; }

    /// <summary>The user task details.</summary>
    public UserTaskDefinition? UserTask { get; init; }

    /// <summary>For a start event: its linked start form, if any.</summary>
    public StartFormDefinition? StartForm { get; init; }

    /// <summary>The script (FEEL expression and result variable).</summary>
    public ScriptDefinition? Script { get; init; }

    /// <summary>The timer of a timer event.</summary>
    public TimerDefinition? Timer { get; init; }

    /// <summary>The message of a message event or receive task.</summary>
    public MessageDefinition? Message { get; init; }

    /// <summary>The error code thrown (error end event) or caught (boundary, event subprocess start); null catches all.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>For a call activity: what to call.</summary>
    public CallDefinition? Call { get; init; }

    /// <summary>Multi-instance loop characteristics, if any.</summary>
    public MultiInstanceDefinition? Loop { get; init; }

    /// <summary>True for containers whose children run in their own flow scope.</summary>
    public bool IsContainer => Kind is ElementKind.Process or ElementKind.SubProcess or ElementKind.EventSubProcess;

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Id}";
}
