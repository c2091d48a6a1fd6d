using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sandbox.Workflow.Engine.State;

/// <summary>Where an element instance is in its life.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ElementPhase>))]
public enum ElementPhase
{
    /// <summary>Entered; its activation (input mappings, creating its job or task…) is still to run.</summary>
    Activating,
    /// <summary>Waiting for something outside: a job, user task, message, timer, child elements or a called process.</summary>
    Active,
    /// <summary>Done; output mappings and leaving by its outgoing flows are still to run.</summary>
    Completing,
}

/// <summary>
/// A token on an element: one run of one BPMN element inside its flow scope (the process instance, a subprocess
/// or a multi-instance body). Its key is what jobs, user tasks and incidents refer to.
/// </summary>
public sealed class ElementInstance
{
    /// <summary>The key, unique within the process instance.</summary>
    public long Key { get; set; }

    /// <summary>The BPMN element id.</summary>
    public string ElementId { get; set; } = "";

    /// <summary>The key of the flow scope instance it runs in; null for the process instance itself.</summary>
    public long? ParentKey { get; set; }

    /// <summary>Where it is in its life.</summary>
    public ElementPhase Phase { get; set; }

    /// <summary>True for the body that runs the instances of a multi-instance activity.</summary>
    public bool IsMultiInstanceBody { get; set; }

    /// <summary>Local variables of this scope; null when it has none.</summary>
    public JsonObject? Variables { get; set; }

    /// <summary>For flow scopes: sequence flows taken into joining gateways and not yet consumed, by flow id.</summary>
    public Dictionary<string, int>? JoinedFlows { get; set; }

    /// <summary>For gateways: the outgoing flows chosen at activation.</summary>
    public List<string>? ChosenFlows { get; set; }

    /// <summary>For a multi-instance body: the items of the input collection.</summary>
    public JsonArray? LoopItems { get; set; }

    /// <summary>For a multi-instance body: how many inner instances were started so far.</summary>
    public int LoopStarted { get; set; }

    /// <summary>For a multi-instance body: how many inner instances completed.</summary>
    public int LoopCompleted { get; set; }

    /// <summary>For an inner multi-instance instance: its 1-based loop counter.</summary>
    public int LoopCounter { get; set; }

    /// <summary>For a job element: the retries left.</summary>
    public int JobRetries { get; set; }

    /// <summary>When it was entered.</summary>
    public DateTimeOffset EnteredAt { get; set; }

    /// <summary>Its entry in <see cref="InstanceState.History"/>.</summary>
    public int HistoryIndex { get; set; }

    internal ElementInstance Clone()
    {
        var copy = (ElementInstance)MemberwiseClone();
        copy.Variables = (JsonObject?)Variables?.DeepClone();
        copy.JoinedFlows = JoinedFlows is null ? null : new(JoinedFlows);
        copy.ChosenFlows = ChosenFlows is null ? null : [.. ChosenFlows];
        copy.LoopItems = (JsonArray?)LoopItems?.DeepClone();
        return copy;
    }
}
