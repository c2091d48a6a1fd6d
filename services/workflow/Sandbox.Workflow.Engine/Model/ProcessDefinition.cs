using System.Collections.Frozen;

namespace Sandbox.Workflow.Engine.Model;

/// <summary>
/// A deployed, validated, immutable BPMN process: what the engine executes. Safe to share between threads
/// and instances. Build one with <see cref="Parsing.BpmnParser"/>.
/// </summary>
public sealed class ProcessDefinition
{
    private readonly FrozenDictionary<string, FlowNode> _nodes;
    private readonly FrozenDictionary<string, FrozenSet<string>> _upstream;
    private readonly FrozenDictionary<string, SequenceFlow> _flows;

    internal ProcessDefinition(FlowNode root, IEnumerable<FlowNode> nodes, FrozenDictionary<string, FrozenSet<string>> upstream)
    {
        Root = root;
        _nodes = nodes.Prepend(root).ToFrozenDictionary(n => n.Id, StringComparer.Ordinal);
        _upstream = upstream;
        _flows = _nodes.Values.SelectMany(n => n.Outgoing).ToFrozenDictionary(f => f.Id, StringComparer.Ordinal);
        MessageStartEvents = root.StartEventsWith(EventTrigger.Message);
        TimerStartEvents = root.StartEventsWith(EventTrigger.Timer);
    }

    /// <summary>The BPMN process id (what versions are counted by).</summary>
    public string Id => Root.Id;

    /// <summary>The process name, if any.</summary>
    public string? Name => Root.Name;

    /// <summary>The process as the root flow scope: its start events, event subprocesses and mappings.</summary>
    public FlowNode Root { get; }

    /// <summary>Every element by id, the process included.</summary>
    public IReadOnlyDictionary<string, FlowNode> Nodes => _nodes;

    /// <summary>The message start events: the host opens a subscription for each and starts an instance on a match.</summary>
    public IReadOnlyList<FlowNode> MessageStartEvents { get; }

    /// <summary>The timer start events: the host schedules them (see <see cref="Execution.TimerSchedule"/>).</summary>
    public IReadOnlyList<FlowNode> TimerStartEvents { get; }

    /// <summary>The element with this id.</summary>
    /// <exception cref="KeyNotFoundException">No element has this id.</exception>
    public FlowNode this[string id] => _nodes[id];

    internal FlowNode TargetOf(string flowId) => _nodes[_flows[flowId].TargetId];

    // The elements from which a token can still reach the given sequence flow (for inclusive joins).
    internal bool CanReach(string fromElementId, string flowId) =>
        _upstream.TryGetValue(flowId, out var set) && set.Contains(fromElementId);
}

internal static class FlowNodeExtensions
{
    public static IReadOnlyList<FlowNode> StartEventsWith(this FlowNode container, EventTrigger trigger) =>
        container.StartEvents.Where(s => s.Trigger == trigger).ToArray();
}
