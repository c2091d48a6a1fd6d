using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Engine.Execution;

namespace Sandbox.Workflow.Runtime;

/// <summary>What became of a command sent to an instance.</summary>
public sealed record CommandOutcome(InstanceRow? Instance, string? Refusal)
{
    public bool Succeeded => Instance is not null && Refusal is null;
}

/// <summary>What an instance started from a submission carries besides its variables.</summary>
public sealed record InstanceMetadata(string? Subject, string? SubmissionId, string? Reference, string? EServiceId, int? EServiceVersion);

/// <summary>
/// Runs engine commands against stored instances: load the snapshot, step, then store the new snapshot with the
/// rows its effects call for (and the outbox events) in one SaveChanges. The row version makes a concurrent step
/// on the same instance fail and retry from the state the other one stored, so no step is lost or applied twice.
/// </summary>
public sealed class InstanceRunner(WorkflowDb db, WorkflowEngine engine, DefinitionCache definitions, EffectWriter effects,
    NotifyJobs notify, Telemetry telemetry, ILogger<InstanceRunner> logger)
{
    private const int Attempts = 5;

    public async Task<InstanceRow> StartAsync(ProcessDefinitionRow definition, JsonObject? variables, CancellationToken ct,
        string? startEventId = null, InstanceMetadata? metadata = null)
    {
        var id = Guid.NewGuid().ToString("n");
        using var activity = Telemetry.StartStepActivity("start", definition.BpmnProcessId, id);
        using var tenant = CalledProcesses.For(definition.Tenant);
        var process = definitions.Get(definition);
        var step = engine.Start(process, new StartInstance(id, variables, startEventId));
        var row = new InstanceRow
        {
            Id = id, Tenant = definition.Tenant, DefinitionId = definition.Id, BpmnProcessId = definition.BpmnProcessId,
            Version = definition.Version, StartedAt = step.State.StartedAt.UtcDateTime,
            Subject = metadata?.Subject, SubmissionId = metadata?.SubmissionId, Reference = metadata?.Reference,
            EServiceId = metadata?.EServiceId, EServiceVersion = metadata?.EServiceVersion,
        };
        db.Instances.Add(row);
        step = notify.CompleteAll(process, row, step);
        await effects.ApplyAsync(row, step, ct);
        await db.SaveChangesAsync(ct);
        effects.Committed();
        telemetry.InstanceStarted(definition.BpmnProcessId);
        logger.LogInformation("Instance {InstanceId} of {BpmnProcessId} v{Version} started", id, definition.BpmnProcessId, definition.Version);
        return row;
    }

    /// <summary>
    /// Applies <paramref name="command"/>; <paramref name="alongside"/> makes the caller's own changes (closing a job
    /// or task row) in the same unit of work and runs again on every retry. <paramref name="traceParent"/> is the
    /// stored trace context of what caused the step when no request or delivery is being traced.
    /// </summary>
    public async Task<CommandOutcome> ExecuteAsync(string instanceId, InstanceCommand command,
        Func<CancellationToken, Task>? alongside, CancellationToken ct, string? traceParent = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var row = await db.Instances.FirstOrDefaultAsync(i => i.Id == instanceId, ct);
            if (row is null) return new(null, $"Instance {instanceId} does not exist");
            var process = definitions.Find(row.DefinitionId)
                ?? definitions.Get(await db.Definitions.AsNoTracking().SingleAsync(d => d.Id == row.DefinitionId, ct));
            using var activity = Telemetry.StartStepActivity(command.GetType().Name, row.BpmnProcessId, row.Id, traceParent);
            using var tenant = CalledProcesses.For(row.Tenant);
            StepResult step;
            try
            {
                step = engine.Execute(process, StateJson.Read(row.StateJson), command);
            }
            catch (WorkflowCommandException e)
            {
                return new(row, e.Message);
            }
            step = notify.CompleteAll(process, row, step);
            if (alongside is not null) await alongside(ct);
            await effects.ApplyAsync(row, step, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                effects.Committed();
                return new(row, null);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                logger.LogDebug("Instance {InstanceId} changed meanwhile; retrying {Command}", instanceId, command.GetType().Name);
            }
        }
    }
}
