using Sandbox.Workflow.Engine.Model;

namespace Sandbox.Workflow.Engine.Parsing;

// Rules on how an element is connected to others.
internal static class StructureRules
{
    public static void Check(FlowNode node, Dictionary<string, FlowNode> byId, ParseContext context)
    {
        void Need(bool ok, string reason)
        {
            if (!ok) DefinitionLinker.Problem(context, node, reason);
        }
        if (node.DefaultFlowId is not null)
        {
            Need(node.Outgoing.Any(f => f.Id == node.DefaultFlowId), "The default flow is not one of the element's outgoing flows");
        }
        var conditional = node.Outgoing.Where(f => f.Condition is not null && f.Id != node.DefaultFlowId).ToList();
        switch (node.Kind)
        {
            case ElementKind.ExclusiveGateway or ElementKind.InclusiveGateway when node.Outgoing.Count > 1:
                Need(node.Outgoing.All(f => f.Condition is not null || f.Id == node.DefaultFlowId || context.Rejected.Contains(f.Id)),
                    "Every outgoing flow of a splitting gateway needs a condition, except the default flow");
                break;
            case ElementKind.ExclusiveGateway or ElementKind.InclusiveGateway:
                break;
            case ElementKind.EventBasedGateway:
                Need(node.Outgoing.Count >= 2, "An event-based gateway needs at least two outgoing flows");
                Need(node.Outgoing.All(f => byId.TryGetValue(f.TargetId, out var n) && n.Kind == ElementKind.IntermediateCatchEvent && n.Incoming.Count == 1),
                    "Each flow out of an event-based gateway must lead to a timer or message catch event with no other incoming flow");
                break;
            default:
                Need(conditional.Count == 0, "Conditions are only evaluated on flows out of exclusive and inclusive gateways");
                break;
        }
        switch (node.Kind)
        {
            case ElementKind.StartEvent or ElementKind.BoundaryEvent:
                Need(node.Incoming.Count == 0, "A start or boundary event cannot have incoming flows");
                break;
            case ElementKind.EventSubProcess:
                Need(node.Incoming.Count == 0 && node.Outgoing.Count == 0, "An event subprocess cannot have sequence flows");
                Need(node.Loop is null, "An event subprocess cannot be multi-instance");
                break;
        }
        if (node.Loop is not null)
        {
            Need(DefinitionLinker.IsActivity(node) && node.Kind != ElementKind.ManualTask, "Only tasks, subprocesses and call activities can be multi-instance");
        }
    }
}
