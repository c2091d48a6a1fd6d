using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Runtime;

/// <summary>
/// Call activities across instances, inside the unit of work of the step that causes them: a requested call starts
/// the child instance (linked to the parent's call activity, with the parent's case metadata); a cancelled call
/// terminates the child and its own children; a child that completes, or throws a BPMN error nothing in it catches,
/// leaves a <see cref="CallResultRow"/> that <see cref="CallResultPoller"/> applies to the parent once.
/// </summary>
public sealed class CallActivities(WorkflowDb db, WorkflowEngine engine, DefinitionCache definitions, NotifyJobs notify,
    Telemetry telemetry, IServiceProvider services, CallSignal signal, TimeProvider clock, ILogger<CallActivities> logger)
{
    private static readonly string[] Running = ["active", "incident"];
    private bool pending;

    private EffectWriter Effects => services.GetRequiredService<EffectWriter>();

    /// <summary>Starts the latest version of the called process as a child of <paramref name="parent"/>.</summary>
    public async Task StartChildAsync(InstanceRow parent, CallActivityStartRequested call, CancellationToken ct)
    {
        var definition = await CalledProcesses.LatestAsync(db, parent.Tenant, call.ProcessId, ct)
            ?? throw new InvalidOperationException($"No process '{call.ProcessId}' is deployed in tenant {parent.Tenant}");
        var id = Guid.NewGuid().ToString("n");
        // A child of the parent's step span: the child's steps continue the parent's trace.
        using var activity = Telemetry.StartStepActivity("start", definition.BpmnProcessId, id);
        activity?.SetTag("sandbox.workflow.parent_instance", parent.Id);
        using var tenant = CalledProcesses.For(parent.Tenant);
        var process = definitions.Get(definition);
        var step = engine.Start(process, new StartInstance(id, call.Variables));
        var child = new InstanceRow
        {
            Id = id, Tenant = parent.Tenant, DefinitionId = definition.Id, BpmnProcessId = definition.BpmnProcessId,
            Version = definition.Version, StartedAt = step.State.StartedAt.UtcDateTime,
            Subject = parent.Subject, SubmissionId = parent.SubmissionId, Reference = parent.Reference,
            EServiceId = parent.EServiceId, EServiceVersion = parent.EServiceVersion,
            ParentInstanceId = parent.Id, ParentElementInstanceKey = call.ElementInstanceKey,
        };
        db.Instances.Add(child);
        step = notify.CompleteAll(process, child, step);
        await Effects.ApplyAsync(child, step, ct);
        telemetry.InstanceStarted(definition.BpmnProcessId);
        logger.LogInformation("Instance {InstanceId} of {BpmnProcessId} v{Version} called by {ParentId} ({ElementId})",
            id, definition.BpmnProcessId, definition.Version, parent.Id, call.ElementId);
    }

    /// <summary>Terminates the children the cancelled call activity waits for, and theirs in turn.</summary>
    public async Task CancelChildrenAsync(InstanceRow parent, long elementInstanceKey, CancellationToken ct)
    {
        var children = db.Instances.Local
            .Where(i => i.ParentInstanceId == parent.Id && i.ParentElementInstanceKey == elementInstanceKey && Running.Contains(i.Status))
            .ToList();
        var stored = await db.Instances
            .Where(i => i.ParentInstanceId == parent.Id && i.ParentElementInstanceKey == elementInstanceKey && Running.Contains(i.Status))
            .ToListAsync(ct);
        foreach (var child in children.Union(stored).Where(i => Running.Contains(i.Status)).ToList())
        {
            var definition = await db.Definitions.SingleAsync(d => d.Id == child.DefinitionId, ct);
            using var activity = Telemetry.StartStepActivity(nameof(CancelInstance), child.BpmnProcessId, child.Id);
            using var tenant = CalledProcesses.For(child.Tenant);
            StepResult step;
            try
            {
                step = engine.Execute(definitions.Get(definition), StateJson.Read(child.StateJson), new CancelInstance());
            }
            catch (WorkflowCommandException e)
            {
                logger.LogDebug("Called instance {InstanceId} was not cancelled: {Reason}", child.Id, e.Message);
                continue;
            }
            await Effects.ApplyAsync(child, step, ct);
        }
    }

    /// <summary>Hands the completed child's variables to the parent's call activity.</summary>
    public void ChildCompleted(InstanceRow child, InstanceCompleted completed) =>
        Add(child, CallResultKinds.Completed, completed.Variables.ToJsonString(), null, null);

    /// <summary>Passes a BPMN error that nothing in the child caught to the parent's call activity.</summary>
    public void ChildErrorUncaught(InstanceRow child, Incident incident) =>
        Add(child, CallResultKinds.Error, null, incident.ErrorCode, incident.Message);

    /// <summary>Wakes the poller once the unit of work that wrote results has committed.</summary>
    public void Committed()
    {
        if (!pending) return;
        pending = false;
        signal.Notify();
    }

    private void Add(InstanceRow child, string kind, string? variables, string? errorCode, string? message)
    {
        db.CallResults.Add(new CallResultRow
        {
            ParentInstanceId = child.ParentInstanceId!, ParentElementInstanceKey = child.ParentElementInstanceKey ?? 0,
            ChildInstanceId = child.Id, Kind = kind, VariablesJson = variables, ErrorCode = errorCode,
            ErrorMessage = message is { Length: > 2048 } ? message[..2048] : message,
            CreatedAt = clock.GetUtcNow().UtcDateTime, TraceParent = Activity.Current?.Id,
        });
        pending = true;
    }
}

/// <summary>Wakes <see cref="CallResultPoller"/>.</summary>
public sealed class CallSignal : WorkSignal;
