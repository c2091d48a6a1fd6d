using System.Collections.Frozen;
using System.Xml.Linq;
using Sandbox.Workflow.Engine.Model;

namespace Sandbox.Workflow.Engine.Parsing;

// Wires flows, boundary events and start events to their elements and checks the structure of the graph.
internal static class DefinitionLinker
{
    // Null when two elements (or an element and the process) share an id: nothing can be linked by id then.
    public static ProcessDefinition? Link(FlowNode root, List<FlowNode> nodes, List<(XElement Element, SequenceFlow Flow)> flows, ParseContext context)
    {
        var byId = new Dictionary<string, FlowNode>(StringComparer.Ordinal) { [root.Id] = root };
        var duplicates = false;
        foreach (var node in nodes)
        {
            if (byId.TryAdd(node.Id, node)) continue;
            Problem(context, node, node.Id == root.Id ? "The process has the same id" : "Another element has the same id");
            duplicates = true;
        }
        if (duplicates) return null;
        LinkFlows(byId, flows, context);
        foreach (var node in nodes) LinkBoundary(node, byId, context);
        foreach (var container in nodes.Where(n => n.IsContainer).Prepend(root)) LinkContainer(container, nodes, context);
        foreach (var node in nodes) StructureRules.Check(node, byId, context);
        return new ProcessDefinition(root, nodes, Upstream(nodes, byId));
    }

    public static void Problem(ParseContext context, FlowNode node, string reason) =>
        context.Problems.Add(new(node.Id, TypeName(node), node.Line, reason));

    public static string TypeName(FlowNode node) => node.Kind switch
    {
        ElementKind.EventSubProcess => "subProcess",
        ElementKind.ManualTask => "manualTask",
        var kind => char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..],
    };

    private static void LinkFlows(Dictionary<string, FlowNode> byId, List<(XElement Element, SequenceFlow Flow)> flows, ParseContext context)
    {
        var incoming = new Dictionary<string, List<SequenceFlow>>();
        var outgoing = new Dictionary<string, List<SequenceFlow>>();
        foreach (var (element, flow) in flows)
        {
            // Flows to an element already reported as unsupported would only repeat that problem.
            if (context.Rejected.Contains(flow.SourceId) || context.Rejected.Contains(flow.TargetId)) continue;
            if (!byId.TryGetValue(flow.SourceId, out var source) || !byId.TryGetValue(flow.TargetId, out var target))
            {
                context.Problem(element, "The sequence flow's source or target is not an element of this process");
                continue;
            }
            if (source.ScopeId != target.ScopeId)
            {
                context.Problem(element, "A sequence flow cannot cross a subprocess boundary");
                continue;
            }
            (outgoing.TryGetValue(source.Id, out var o) ? o : outgoing[source.Id] = []).Add(flow);
            (incoming.TryGetValue(target.Id, out var i) ? i : incoming[target.Id] = []).Add(flow);
        }
        foreach (var node in byId.Values)
        {
            node.Incoming = incoming.GetValueOrDefault(node.Id)?.ToArray() ?? [];
            node.Outgoing = outgoing.GetValueOrDefault(node.Id)?.ToArray() ?? [];
        }
    }

    private static void LinkBoundary(FlowNode node, Dictionary<string, FlowNode> byId, ParseContext context)
    {
        if (node.Kind != ElementKind.BoundaryEvent || node.AttachedToId is null) return;
        if (!byId.TryGetValue(node.AttachedToId, out var activity) || !IsActivity(activity) || activity.ScopeId != node.ScopeId)
        {
            Problem(context, node, "The boundary event is not attached to an activity of the same scope");
            return;
        }
        activity.Boundaries = [.. activity.Boundaries, node];
    }

    public static bool IsActivity(FlowNode node) => node.Kind is ElementKind.ServiceTask or ElementKind.SendTask
        or ElementKind.UserTask or ElementKind.ScriptTask or ElementKind.ReceiveTask or ElementKind.ManualTask
        or ElementKind.SubProcess or ElementKind.CallActivity;

    private static void LinkContainer(FlowNode container, List<FlowNode> nodes, ParseContext context)
    {
        var inside = nodes.Where(n => n.ScopeId == container.Id).ToList();
        container.StartEvents = inside.Where(n => n.Kind == ElementKind.StartEvent).ToArray();
        container.EventSubProcesses = inside.Where(n => n.Kind == ElementKind.EventSubProcess).ToArray();
        var none = container.StartEvents.Count(s => s.Trigger == EventTrigger.None);
        switch (container.Kind)
        {
            case ElementKind.Process when container.StartEvents.Count == 0 || none > 1:
                Problem(context, container, "A process needs start events, at most one of them without a trigger");
                break;
            case ElementKind.SubProcess when container.StartEvents.Count != 1 || none != 1:
                Problem(context, container, "An embedded subprocess needs exactly one start event without a trigger");
                break;
            case ElementKind.EventSubProcess when container.StartEvents.Count != 1 || none != 0:
                Problem(context, container, "An event subprocess needs exactly one start event with a timer, message or error trigger");
                break;
            case ElementKind.EventSubProcess:
                container.TriggerStart = container.StartEvents[0];
                container.StartEvents = [];
                break;
        }
        if (container.Kind != ElementKind.EventSubProcess)
        {
            foreach (var start in container.StartEvents.Where(s => s.Trigger == EventTrigger.Error))
            {
                Problem(context, start, "Error start events belong in event subprocesses");
            }
        }
    }

    // For each sequence flow into an inclusive gateway: the elements from which a token can still reach it.
    private static FrozenDictionary<string, FrozenSet<string>> Upstream(List<FlowNode> nodes, Dictionary<string, FlowNode> byId)
    {
        var result = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (var join in nodes.Where(n => n.Kind == ElementKind.InclusiveGateway && n.Incoming.Count > 1))
        {
            foreach (var flow in join.Incoming)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var pending = new Stack<string>([flow.SourceId]);
                while (pending.TryPop(out var id))
                {
                    if (!seen.Add(id) || !byId.TryGetValue(id, out var node)) continue;
                    foreach (var into in node.Incoming) pending.Push(into.SourceId);
                    if (node.AttachedToId is not null) pending.Push(node.AttachedToId);
                }
                result[flow.Id] = seen.ToFrozenSet(StringComparer.Ordinal);
            }
        }
        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
