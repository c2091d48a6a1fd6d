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
        if (!OpenBoundaries(body, node)) return;
        body.Phase = ElementPhase.Active;
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

    // Collects the inner instance's output element and evaluates the completion condition.
    private bool TryFinishInner(ElementInstance body, ElementInstance inner, FlowNode node, out bool done)
    {
        var loop = node.Loop!;
        done = false;
        if (loop.OutputCollection is { } output && loop.OutputElement is { } element)
        {
            var context = VariablesOf(inner);
            if (!TryEvaluate(inner, () => element.Evaluate(context).ToJsonNode(), out var result)) return false;
            ((JsonArray)body.Variables![output]!)[inner.LoopCounter - 1] = result?.DeepClone();
        }
        if (loop.CompletionCondition is not { } condition) return true;
        var counters = new JsonObject
        {
            ["numberOfInstances"] = body.LoopItems!.Count,
            ["numberOfActiveInstances"] = ChildrenOf(body).Count() - 1,
            ["numberOfCompletedInstances"] = body.LoopCompleted + 1,
        };
        var scope = VariablesOf(inner, counters);
        return TryEvaluate(inner, () => condition.Evaluate(scope).IsTrue, out done);
    }

    private void InnerInstanceCompleted(ElementInstance body, FlowNode node, bool done)
    {
        body.LoopCompleted++;
        if (done)
        {
            foreach (var child in ChildrenOf(body).ToList()) Terminate(child);
            Complete(body);
        }
        else if (node.Loop!.Sequential && body.LoopStarted < body.LoopItems!.Count) StartInner(body, node);
        else if (!ChildrenOf(body).Any() && body.LoopStarted >= body.LoopItems!.Count) Complete(body);
    }
}
