using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Execution;

// What each element does when it is entered.
internal sealed partial class Run
{
    private void Activate(ElementInstance instance)
    {
        var node = NodeOf(instance);
        // A retried activation starts clean: what an earlier attempt opened is closed first.
        CloseSubscriptions(instance);
        if (node.Loop is not null && instance.IsMultiInstanceBody)
        {
            ActivateBody(instance, node);
            return;
        }
        if (!ApplyInputs(instance)) return;
        switch (node.Kind)
        {
            case ElementKind.ServiceTask or ElementKind.SendTask:
            case ElementKind.ScriptTask when node.Script is null:
            case ElementKind.EndEvent or ElementKind.IntermediateThrowEvent when node.Trigger == EventTrigger.Message:
                Wait(instance, node, () => CreateJob(instance, node, null));
                break;
            case ElementKind.UserTask:
                Wait(instance, node, () => CreateUserTask(instance, node));
                break;
            case ElementKind.ScriptTask:
                RunScript(instance, node);
                break;
            case ElementKind.ReceiveTask:
            case ElementKind.IntermediateCatchEvent:
                Wait(instance, node, () => OpenSubscription(instance, node, instance));
                break;
            case ElementKind.EventBasedGateway:
                Wait(instance, node, () => node.Outgoing.All(f => OpenSubscription(instance, Definition[f.TargetId], instance)));
                break;
            case ElementKind.ExclusiveGateway or ElementKind.InclusiveGateway:
                ChooseFlows(instance, node);
                break;
            case ElementKind.SubProcess:
                Wait(instance, node, () => OpenEventSubProcesses(instance, node));
                if (instance.Phase == ElementPhase.Active) Enter(node.StartEvents[0], instance);
                break;
            case ElementKind.EventSubProcess:
                instance.Phase = ElementPhase.Active;
                Enter(node.TriggerStart!, instance, ElementPhase.Completing);
                break;
            case ElementKind.CallActivity:
                Wait(instance, node, () => RequestCall(instance, node));
                break;
            case ElementKind.EndEvent when node.Trigger == EventTrigger.Error:
                ThrowBpmnError(instance, node.ErrorCode!, null);
                break;
            case ElementKind.EndEvent when node.Trigger == EventTrigger.Terminate:
                TerminateSiblings(instance);
                Complete(instance);
                break;
            default:
                Complete(instance);
                break;
        }
    }

    // Puts an element into its wait state: its boundary events listen first, then its work is created.
    private void Wait(ElementInstance instance, FlowNode node, Func<bool> create)
    {
        if (node.Loop is null && !OpenBoundaries(instance, node)) return;
        if (!create()) return;
        instance.Phase = ElementPhase.Active;
    }

    private void RunScript(ElementInstance instance, FlowNode node)
    {
        var context = VariablesOf(instance);
        if (!TryEvaluate(instance, () => node.Script!.Expression.Evaluate(context).ToJsonNode(), out var result)) return;
        ApplyResult(instance, new() { [node.Script!.ResultVariable] = result });
        Complete(instance);
    }

    private bool RequestCall(ElementInstance instance, FlowNode node)
    {
        if (!TryEvaluate(instance, () => Text(instance, node.Call!.ProcessId)!, out var processId)) return false;
        if (Options.Processes is { } processes && processes.Find(processId) is null)
        {
            RaiseIncident(instance, IncidentKind.CalledProcessNotFound, $"No process with id '{processId}' is deployed");
            return false;
        }
        var variables = node.Call!.PropagateAllParentVariables ? VariablesOf(instance).Merged() : instance.Variables?.DeepClone().AsObject() ?? [];
        Effects.Add(new CallActivityStartRequested(instance.Key, node.Id, processId, variables));
        return true;
    }

    // Terminate end event: everything else in the flow scope stops; the scope then completes.
    private void TerminateSiblings(ElementInstance instance)
    {
        var scope = ParentOf(instance)!;
        foreach (var sibling in ChildrenOf(scope).Where(s => s.Key != instance.Key).ToList()) Terminate(sibling);
        scope.JoinedFlows = null;
    }
}
