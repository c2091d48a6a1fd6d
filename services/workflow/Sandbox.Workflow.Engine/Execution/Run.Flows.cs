using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Execution;

// Tokens on sequence flows: gateways that choose, joins that wait.
internal sealed partial class Run
{
    private void TakeFlow(SequenceFlow flow, ElementInstance scope)
    {
        var target = Definition[flow.TargetId];
        var joins = target.Incoming.Count > 1 && target.Kind is ElementKind.ParallelGateway or ElementKind.InclusiveGateway;
        if (!joins)
        {
            Enter(target, scope);
            return;
        }
        scope.JoinedFlows ??= [];
        scope.JoinedFlows[flow.Id] = scope.JoinedFlows.GetValueOrDefault(flow.Id) + 1;
        if (target.Kind == ElementKind.ParallelGateway && target.Incoming.All(f => scope.JoinedFlows.ContainsKey(f.Id)))
        {
            Join(target, scope);
        }
    }

    // Consumes one token from each incoming flow that has one and activates the gateway.
    private void Join(FlowNode gateway, ElementInstance scope)
    {
        foreach (var flow in gateway.Incoming)
        {
            if (!scope.JoinedFlows!.TryGetValue(flow.Id, out var count)) continue;
            if (count == 1) scope.JoinedFlows.Remove(flow.Id);
            else scope.JoinedFlows[flow.Id] = count - 1;
        }
        if (scope.JoinedFlows!.Count == 0) scope.JoinedFlows = null;
        Enter(gateway, scope);
    }

    // An inclusive join fires once no token that could still reach one of its missing flows is left in the scope.
    private void FireInclusiveJoins(ElementInstance scope)
    {
        var waiting = scope.JoinedFlows!.Keys
            .Select(Definition.TargetOf).Where(n => n.Kind == ElementKind.InclusiveGateway).Distinct().ToList();
        foreach (var gateway in waiting)
        {
            var missing = gateway.Incoming.Where(f => scope.JoinedFlows?.ContainsKey(f.Id) != true).ToList();
            // Tokens waiting at other joins count too: they move on once their join fires.
            var blocked = ChildrenOf(scope).Select(child => child.ElementId)
                .Concat(scope.JoinedFlows!.Keys.Select(arrived => Definition.TargetOf(arrived).Id).Where(id => id != gateway.Id))
                .Any(at => missing.Any(f => Definition.CanReach(at, f.Id)));
            if (!blocked && scope.JoinedFlows?.Count > 0) Join(gateway, scope);
        }
    }

    // Exclusive: the first flow whose condition holds, else the default. Inclusive: every flow that holds, else the default.
    private void ChooseFlows(ElementInstance instance, FlowNode node)
    {
        if (node.Outgoing.Count <= 1)
        {
            Complete(instance);
            return;
        }
        var context = VariablesOf(instance);
        var chosen = new List<string>();
        foreach (var flow in node.Outgoing.Where(f => f.Id != node.DefaultFlowId))
        {
            if (!TryEvaluate(instance, () => flow.Condition!.Evaluate(context), out var value)) return;
            if (value.AsBoolean() is not { } holds)
            {
                RaiseIncident(instance, IncidentKind.ExpressionError,
                    $"The condition '{flow.Condition!.Text}' of flow {flow.Id} gave {value}, not a boolean");
                return;
            }
            if (!holds) continue;
            chosen.Add(flow.Id);
            if (node.Kind == ElementKind.ExclusiveGateway) break;
        }
        if (chosen.Count == 0 && node.DefaultFlowId is { } fallback) chosen.Add(fallback);
        if (chosen.Count == 0)
        {
            RaiseIncident(instance, IncidentKind.NoFlowTaken, "No condition of an outgoing flow holds and there is no default flow");
            return;
        }
        instance.ChosenFlows = chosen;
        Complete(instance);
    }
}
