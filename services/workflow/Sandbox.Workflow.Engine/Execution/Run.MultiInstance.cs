using System.Text.Json.Nodes;
using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Execution;

// Multi-instance: a body element instance runs one inner instance per item of the input collection, all at
// once or one after another, collects their output elements, and may end early on its completion condition.
internal sealed partial class Run
{
    private void ActivateBody(ElementInstance body, FlowNode node)
    {
        var loop = node.Loop!;
        var context = VariablesOf(body);
        if (!TryEvaluate(body, () => loop.InputCollection.Evaluate(context), out var collection)) return;
        if (collection.AsList() is null)
        {
            RaiseIncident(body, IncidentKind.ExpressionError, $"The input collection '{loop.InputCollection.Text}' gave {collection}, not a list");
            return;
        }
        body.LoopItems = (JsonArray)collection.ToJsonNode()!;
        if (loop.OutputCollection is { } output)
        {
            SetLocal(body, output, new JsonArray(body.LoopItems.Select(_ => (JsonNode?)null).ToArray()));
        }
        body.Phase = ElementPhase.Active;
        OpenBoundaries(body, node);
        if (body.LoopItems.Count == 0)
        {
            Complete(body);
            return;
        }
        var first = loop.Sequential ? 1 : body.LoopItems.Count;
        for (var i = 0; i < first; i++) StartInner(body, node);
    }

    private void StartInner(ElementInstance body, FlowNode node)
    {
        var index = body.LoopStarted++;
        var inner = Enter(node, body);
        inner.LoopCounter = index + 1;
        SetLocal(inner, "loopCounter", index + 1);
        if (node.Loop!.InputElement is { } name) SetLocal(inner, name, body.LoopItems![index]?.DeepClone());
    }

    private void InnerInstanceCompleted(ElementInstance body, ElementInstance inner, FlowNode node)
    {
        var loop = node.Loop!;
        body.LoopCompleted++;
        if (loop.OutputCollection is { } output && loop.OutputElement is { } element)
        {
            var context = VariablesOf(inner);
            if (!TryEvaluate(body, () => element.Evaluate(context).ToJsonNode(), out var result)) return;
            ((JsonArray)body.Variables![output]!)[inner.LoopCounter - 1] = result;
        }
        var active = ChildrenOf(body).Count();
        var total = body.LoopItems!.Count;
        if (loop.CompletionCondition is { } condition)
        {
            var counters = new JsonObject
            {
                ["numberOfInstances"] = total,
                ["numberOfActiveInstances"] = active,
                ["numberOfCompletedInstances"] = body.LoopCompleted,
            };
            var scope = VariablesOf(inner, counters);
            if (!TryEvaluate(body, () => condition.Evaluate(scope).IsTrue, out var done)) return;
            if (done)
            {
                foreach (var child in ChildrenOf(body).ToList()) Terminate(child);
                Complete(body);
                return;
            }
        }
        if (loop.Sequential && body.LoopStarted < total) StartInner(body, node);
        else if (active == 0 && body.LoopStarted >= total) Complete(body);
    }
}
