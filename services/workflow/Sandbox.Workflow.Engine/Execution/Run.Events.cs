using System.Text.Json.Nodes;
using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Execution;

// Timers and message subscriptions: opened by waiting elements, closed when they leave, triggered by the host.
internal sealed partial class Run
{
    // Opens the timer or message subscription of an event for an owner, evaluated in the owner's scope.
    private bool OpenSubscription(ElementInstance owner, FlowNode eventNode, ElementInstance scope)
    {
        if (eventNode.Trigger == EventTrigger.Timer)
        {
            if (!TryEvaluate(owner, () => TimerSchedule.Resolve(eventNode.Timer!, Feel, VariablesOf(scope), Now), out var due)) return false;
            var timer = new Subscription(NextKey(), SubscriptionKind.Timer, owner.Key, eventNode.Id, due.DueAt,
                due.Repetitions < 0 ? -1 : due.Repetitions - 1, due.Interval);
            State.Subscriptions.Add(timer);
            Effects.Add(new TimerScheduled(timer.Key, eventNode.Id, due.DueAt));
            return true;
        }
        var message = eventNode.Message!;
        if (!TryEvaluate(owner, () => (Text(scope, message.Name)!, Text(scope, message.CorrelationKey) ?? ""), out var resolved)) return false;
        var subscription = new Subscription(NextKey(), SubscriptionKind.Message, owner.Key, eventNode.Id,
            MessageName: resolved.Item1, CorrelationKey: resolved.Item2);
        State.Subscriptions.Add(subscription);
        Effects.Add(new MessageSubscriptionOpened(subscription.Key, eventNode.Id, resolved.Item1, resolved.Item2));
        return true;
    }

    private bool OpenBoundaries(ElementInstance instance, FlowNode node) =>
        node.Boundaries.Where(b => b.Trigger != EventTrigger.Error).All(b => OpenSubscription(instance, b, instance));

    private bool OpenEventSubProcesses(ElementInstance scope, FlowNode container) =>
        container.EventSubProcesses.Select(e => e.TriggerStart!).Where(s => s.Trigger != EventTrigger.Error)
            .All(start => OpenSubscription(scope, start, scope));

    public bool OpenRootEventSubProcesses(ElementInstance root) => OpenEventSubProcesses(root, Definition.Root);

    public void CloseSubscriptions(ElementInstance owner)
    {
        if (!State.Subscriptions.Exists(s => s.ElementInstanceKey == owner.Key)) return;
        foreach (var subscription in State.Subscriptions.Where(s => s.ElementInstanceKey == owner.Key).ToList()) Close(subscription);
    }

    // An interrupting event subprocess stops the others of its scope; the scope's own boundary events stay.
    public void CloseEventSubProcessSubscriptions(ElementInstance scope)
    {
        foreach (var subscription in State.Subscriptions.Where(s => s.ElementInstanceKey == scope.Key && Definition[s.ElementId].Kind == ElementKind.StartEvent).ToList())
        {
            Close(subscription);
        }
    }

    private void Close(Subscription subscription)
    {
        State.Subscriptions.Remove(subscription);
        Effects.Add(subscription.Kind == SubscriptionKind.Timer
            ? new TimerCancelled(subscription.Key, subscription.ElementId)
            : new MessageSubscriptionClosed(subscription.Key, subscription.ElementId, subscription.MessageName!, subscription.CorrelationKey!));
    }

    // A due timer or a correlated message reaches the element that waits for it.
    public void Trigger(Subscription subscription, JsonObject? variables)
    {
        var owner = Find(subscription.ElementInstanceKey)!;
        var node = Definition[subscription.ElementId];
        // A non-interrupting event keeps listening: a message may come again, a cycle fires again.
        if (node.Interrupting || subscription.Kind == SubscriptionKind.Timer) State.Subscriptions.Remove(subscription);
        if (!node.Interrupting && subscription.Kind == SubscriptionKind.Timer && subscription.Repetitions != 0)
        {
            var next = subscription with
            {
                Key = NextKey(), DueAt = TimerSchedule.Next(subscription.Interval!, subscription.DueAt!.Value),
                Repetitions = subscription.Repetitions < 0 ? -1 : subscription.Repetitions - 1,
            };
            State.Subscriptions.Add(next);
            Effects.Add(new TimerScheduled(next.Key, next.ElementId, next.DueAt!.Value));
        }
        if (node.Kind == ElementKind.BoundaryEvent) TriggerBoundary(owner, node, variables);
        else if (node.Kind == ElementKind.StartEvent) TriggerEventSubProcess(owner, Definition[node.ScopeId!], node, variables);
        else if (NodeOf(owner).Kind == ElementKind.EventBasedGateway) TriggerGateway(owner, node, variables);
        else
        {
            ApplyResult(owner, variables);
            Complete(owner);
        }
    }

    private void TriggerBoundary(ElementInstance activity, FlowNode boundary, JsonObject? variables)
    {
        var scope = ParentOf(activity)!;
        if (boundary.Interrupting) Terminate(activity);
        var instance = Enter(boundary, scope, ElementPhase.Completing);
        ApplyResult(instance, variables);
    }

    private void TriggerGateway(ElementInstance gateway, FlowNode target, JsonObject? variables)
    {
        var scope = ParentOf(gateway)!;
        CloseSubscriptions(gateway);
        Remove(gateway, terminated: false);
        var instance = Enter(target, scope, ElementPhase.Completing);
        ApplyResult(instance, variables);
    }

    private void TriggerEventSubProcess(ElementInstance scope, FlowNode eventSubProcess, FlowNode start, JsonObject? variables)
    {
        if (start.Interrupting)
        {
            CloseEventSubProcessSubscriptions(scope);
            foreach (var child in ChildrenOf(scope).ToList()) Terminate(child);
            scope.JoinedFlows = null;
        }
        var instance = Enter(eventSubProcess, scope);
        ApplyResult(instance, variables);
    }
}
