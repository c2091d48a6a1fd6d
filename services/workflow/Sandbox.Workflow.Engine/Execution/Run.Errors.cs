using System.Text.Json.Nodes;
using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Execution;

// BPMN errors travel outwards from where they are thrown to the nearest matching boundary event or error
// event subprocess; one with the exact code wins over a catch-all on the same element.
internal sealed partial class Run
{
    public void ThrowBpmnError(ElementInstance source, string code, JsonObject? variables, string? message = null)
    {
        for (var current = source; current is not null; current = ParentOf(current))
        {
            var node = NodeOf(current);
            var ownsBoundaries = node.Loop is null || current.IsMultiInstanceBody;
            if (ownsBoundaries && Catcher(node.Boundaries, b => b) is { } boundary)
            {
                var scope = ParentOf(current)!;
                Terminate(current);
                var caught = Enter(boundary, scope, ElementPhase.Completing);
                ApplyResult(caught, variables);
                ScopeChanged(scope);
                return;
            }
            if (node.IsContainer && Catcher(node.EventSubProcesses, e => e.TriggerStart!) is { } handler)
            {
                foreach (var child in ChildrenOf(current).ToList()) Terminate(child);
                CloseEventSubProcessSubscriptions(current);
                current.JoinedFlows = null;
                var caught = Enter(handler, current);
                ApplyResult(caught, variables);
                return;
            }

            FlowNode? Catcher(IEnumerable<FlowNode> candidates, Func<FlowNode, FlowNode> startOf)
            {
                var errors = candidates.Where(c => startOf(c).Trigger == EventTrigger.Error).ToList();
                return errors.FirstOrDefault(c => startOf(c).ErrorCode == code) ?? errors.FirstOrDefault(c => startOf(c).ErrorCode is null);
            }
        }
        var detail = string.IsNullOrEmpty(message) ? "" : $": {message}";
        RaiseIncident(source, IncidentKind.UnhandledError, $"The BPMN error '{code}' was thrown and no error event catches it{detail}", code);
    }
}
