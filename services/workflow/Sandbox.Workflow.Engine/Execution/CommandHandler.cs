using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Execution;

// Turns a host command into the first move of a run; the agenda does the rest.
internal static class CommandHandler
{
    public static void Apply(Run run, InstanceCommand command)
    {
        switch (command)
        {
            case CompleteJob c:
                Finish(run, Waiting(run, c.ElementInstanceKey, IsJob), c.Variables);
                break;
            case CompleteUserTask c:
                Finish(run, Waiting(run, c.ElementInstanceKey, n => n.Kind == ElementKind.UserTask), c.Variables);
                break;
            case CompleteCallActivity c:
                FinishCall(run, Waiting(run, c.ElementInstanceKey, n => n.Kind == ElementKind.CallActivity), c.Variables);
                break;
            case FailJob c:
                Fail(run, Waiting(run, c.ElementInstanceKey, IsJob), c);
                break;
            case ThrowError c:
                // On a call activity: the host passes on an error that nothing caught in the called instance.
                run.ThrowBpmnError(Waiting(run, c.ElementInstanceKey, n => IsJob(n) || n.Kind == ElementKind.CallActivity), c.ErrorCode, c.Variables, c.ErrorMessage);
                break;
            case CorrelateMessage c:
                run.Trigger(Subscription(run, c.SubscriptionKey, SubscriptionKind.Message), c.Variables);
                break;
            case FireTimer c:
                var timer = Subscription(run, c.SubscriptionKey, SubscriptionKind.Timer);
                if (timer.DueAt > run.Now) throw new WorkflowCommandException($"Timer {timer.Key} is due at {timer.DueAt:O}, not yet");
                run.Trigger(timer, null);
                break;
            case SetVariables c:
                var scope = run.Find(c.ScopeKey) ?? throw new WorkflowCommandException($"No element instance {c.ScopeKey}");
                if (c.Local) foreach (var (name, value) in c.Variables) Run.SetLocal(scope, name, value?.DeepClone());
                else run.Propagate(scope, c.Variables);
                break;
            case ResolveIncident c:
                IncidentResolver.Resolve(run, c);
                break;
            case CancelInstance:
                run.Cancel();
                break;
            default:
                throw new WorkflowCommandException($"Unknown command {command.GetType().Name}");
        }
    }

    private static bool IsJob(FlowNode node) => node.Job is not null && node.Script is null && node.Kind != ElementKind.UserTask;

    private static ElementInstance Waiting(Run run, long key, Func<FlowNode, bool> kind)
    {
        var instance = run.Find(key);
        if (instance is null || instance.IsMultiInstanceBody || instance.Phase != ElementPhase.Active || !kind(run.NodeOf(instance)))
        {
            throw new WorkflowCommandException($"Element instance {key} is not waiting for this command");
        }
        return instance;
    }

    private static Subscription Subscription(Run run, long key, SubscriptionKind kind) =>
        run.State.Subscriptions.Find(s => s.Key == key && s.Kind == kind)
        ?? throw new WorkflowCommandException($"No open {kind.ToString().ToLowerInvariant()} subscription {key}");

    private static void Finish(Run run, ElementInstance instance, System.Text.Json.Nodes.JsonObject? variables)
    {
        run.ApplyResult(instance, variables);
        run.Complete(instance);
    }

    // Without propagateAllChildVariables only the output mappings reach the parent; they read the child's variables locally.
    private static void FinishCall(Run run, ElementInstance instance, System.Text.Json.Nodes.JsonObject? variables)
    {
        if (run.NodeOf(instance).Call!.PropagateAllChildVariables) run.ApplyResult(instance, variables);
        else foreach (var (name, value) in variables ?? []) Run.SetLocal(instance, name, value?.DeepClone());
        run.Complete(instance);
    }

    private static void Fail(Run run, ElementInstance instance, FailJob command)
    {
        if (command.Retries > 0)
        {
            var availableAt = command.Backoff is { } backoff && backoff > TimeSpan.Zero ? run.Now + backoff : (DateTimeOffset?)null;
            run.CreateJob(instance, run.NodeOf(instance), command.Retries, availableAt);
            return;
        }
        instance.JobRetries = 0;
        run.RaiseIncident(instance, IncidentKind.JobNoRetries, command.ErrorMessage ?? "The job failed and has no retries left");
    }
}
