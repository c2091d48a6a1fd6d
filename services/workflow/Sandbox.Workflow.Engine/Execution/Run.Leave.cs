using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Execution;

// Leaving an element: output mappings, closing what it listened to, then the token moves on.
internal sealed partial class Run
{
    private void Leave(ElementInstance instance)
    {
        var node = NodeOf(instance);
        if (!ApplyOutputs(instance)) return;
        if (instance.IsMultiInstanceBody && node.Loop!.OutputCollection is { } output)
        {
            Propagate(ParentOf(instance)!, output, instance.Variables?[output]?.DeepClone());
        }
        CloseSubscriptions(instance);
        var scope = ParentOf(instance);
        if (scope is null)
        {
            EndInstance();
            return;
        }
        if (node.Loop is not null && !instance.IsMultiInstanceBody)
        {
            // The loop's expressions run while the inner instance still exists, so a failing one stops it there.
            if (!TryFinishInner(scope, instance, node, out var done)) return;
            Remove(instance, terminated: false);
            InnerInstanceCompleted(scope, node, done);
            return;
        }
        Remove(instance, terminated: false);
        var flows = instance.ChosenFlows is { } chosen ? node.Outgoing.Where(f => chosen.Contains(f.Id)) : node.Outgoing;
        foreach (var flow in flows) TakeFlow(flow, scope);
        ScopeChanged(scope);
    }

    // Stops an element and everything inside it, withdrawing its job, task, timers and subscriptions.
    public void Terminate(ElementInstance instance)
    {
        foreach (var child in ChildrenOf(instance).ToList()) Terminate(child);
        CancelWork(instance, NodeOf(instance));
        CloseSubscriptions(instance);
        foreach (var incident in State.Incidents.Where(i => i.ElementInstanceKey == instance.Key).ToList())
        {
            State.Incidents.Remove(incident);
            Effects.Add(new IncidentResolved(incident.Key));
        }
        if (instance.ParentKey is null)
        {
            instance.JoinedFlows = null;
            return;
        }
        Remove(instance, terminated: true);
    }

    // After a token left a scope: inclusive joins may now fire, and an empty scope completes.
    public void ScopeChanged(ElementInstance scope)
    {
        if (scope.Phase != ElementPhase.Active) return;
        if (scope.JoinedFlows is { Count: > 0 }) FireInclusiveJoins(scope);
        if (scope.IsMultiInstanceBody || ChildrenOf(scope).Any() || scope.JoinedFlows is { Count: > 0 }) return;
        Complete(scope);
    }

    public void Cancel()
    {
        Terminate(Root);
        State.Lifecycle = InstanceLifecycle.Terminated;
        State.EndedAt = Now;
        var entry = State.History[Root.HistoryIndex];
        State.History[Root.HistoryIndex] = entry with { LeftAt = Now, Terminated = true };
        Effects.Add(new ElementLeft(Root.Key, Root.ElementId, ElementKind.Process, entry.EnteredAt, Now, true));
        Effects.Add(new InstanceTerminated());
    }

    private void EndInstance()
    {
        State.Lifecycle = InstanceLifecycle.Completed;
        State.EndedAt = Now;
        var root = Root;
        var entry = State.History[root.HistoryIndex];
        State.History[root.HistoryIndex] = entry with { LeftAt = Now };
        Effects.Add(new ElementLeft(root.Key, root.ElementId, ElementKind.Process, entry.EnteredAt, Now, false));
        Effects.Add(new InstanceCompleted(root.Variables?.DeepClone().AsObject() ?? []));
    }
}
