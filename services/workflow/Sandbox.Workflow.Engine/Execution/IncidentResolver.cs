using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Execution;

// Resolving an incident retries what stopped: the job gets retries back, anything else runs its step again.
internal static class IncidentResolver
{
    public static void Resolve(Run run, ResolveIncident command)
    {
        var incident = run.State.Incidents.Find(i => i.Key == command.IncidentKey)
            ?? throw new WorkflowCommandException($"No open incident {command.IncidentKey}");
        run.State.Incidents.Remove(incident);
        run.Effects.Add(new IncidentResolved(incident.Key));
        if (incident.Kind == IncidentKind.StepBudgetExceeded)
        {
            // Everything left on the agenda when the budget ran out continues, in the order it was entered.
            foreach (var pending in run.State.Elements.Skip(1).Where(e => e.Phase != ElementPhase.Active).OrderBy(e => e.Key)) run.Schedule(pending);
            return;
        }
        var instance = run.Find(incident.ElementInstanceKey);
        if (instance is null) return;
        if (instance.ParentKey is null && instance.Phase == ElementPhase.Active)
        {
            run.CloseEventSubProcessSubscriptions(instance);
            run.OpenRootEventSubProcesses(instance);
            return;
        }
        if (instance.Phase != ElementPhase.Active)
        {
            run.Schedule(instance);
            return;
        }
        var node = run.NodeOf(instance);
        if (node.Job is not null && !instance.IsMultiInstanceBody) run.CreateJob(instance, node, Math.Max(1, command.Retries));
    }
}
