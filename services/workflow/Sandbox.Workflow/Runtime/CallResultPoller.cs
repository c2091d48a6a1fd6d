using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.State;
using Sandbox.Workflow.Hosting;

namespace Sandbox.Workflow.Runtime;

/// <summary>
/// Applies what called instances handed back (<see cref="CallResultRow"/>) to their parents' call activities. A row
/// is claimed under a lease (<see cref="Leases"/>) and closed in the same unit of work as the parent's step, so it
/// is applied once even with several replicas; a parent that no longer waits (cancelled, interrupted) closes it
/// without a step. A BPMN error that the root instance would not catch either stays an incident in the child, as
/// in Camunda: the parent is not stepped and keeps waiting until the child's incident is resolved.
/// </summary>
internal sealed class CallResultPoller(IServiceScopeFactory scopes, CallSignal signal, WorkflowOptions options,
    ILogger<CallResultPoller> logger) : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await ApplyDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Applying results of called instances failed; retrying");
            }
            if (claimed < Batch) await signal.WaitAsync(options.CallResultPollInterval, stoppingToken);
        }
    }

    /// <summary>Claims and applies the open results; returns how many it claimed.</summary>
    public async Task<int> ApplyDueAsync(CancellationToken ct)
    {
        List<CallResultRow> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
            claimed = await Leases.ClaimAsync(db, db.CallResults, _ => true, c => c.Id, Batch, options.LeaseTimeout, ct);
        }
        foreach (var result in claimed) await ApplyAsync(result, ct);
        return claimed.Count;
    }

    private async Task ApplyAsync(CallResultRow result, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        InstanceCommand command = result.Kind == CallResultKinds.Error
            ? new ThrowError(result.ParentElementInstanceKey, result.ErrorCode ?? "", result.ErrorMessage)
            : new CompleteCallActivity(result.ParentElementInstanceKey, result.VariablesJson is { } json ? JsonNode.Parse(json)?.AsObject() : null);
        if (command is ThrowError error && await StaysInChildAsync(scope.ServiceProvider, db, result.ParentInstanceId, error, ct))
        {
            logger.LogInformation("BPMN error {ErrorCode} of called instance {ChildId} is caught nowhere; the incident stays in it",
                result.ErrorCode, result.ChildInstanceId);
            await CloseAsync(db, result.Id, WorkState.Cancelled, ct);
            return;
        }
        var runner = scope.ServiceProvider.GetRequiredService<InstanceRunner>();
        var outcome = await runner.ExecuteAsync(result.ParentInstanceId, command, async token =>
        {
            var row = await db.CallResults.SingleAsync(c => c.Id == result.Id, token);
            if (row.State == WorkState.Open) row.State = WorkState.Completed;
        }, ct, result.TraceParent);
        if (outcome.Succeeded) return;
        logger.LogInformation("Result of called instance {ChildId} closed without a step of {ParentId}: {Reason}",
            result.ChildInstanceId, result.ParentInstanceId, outcome.Refusal);
        await CloseAsync(db, result.Id, WorkState.Cancelled, ct);
    }

    // Whether the error would end as an incident on the root's call activity: then it stays where it was thrown.
    // A parent that is itself called takes the error, so it travels on to its own parent.
    private static async Task<bool> StaysInChildAsync(IServiceProvider services, WorkflowDb db, string parentId, ThrowError error, CancellationToken ct)
    {
        var parent = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == parentId, ct);
        if (parent is null || parent.ParentInstanceId is not null) return false;
        var definition = await db.Definitions.AsNoTracking().SingleAsync(d => d.Id == parent.DefinitionId, ct);
        using var tenant = CalledProcesses.For(parent.Tenant);
        try
        {
            var process = services.GetRequiredService<DefinitionCache>().Get(definition);
            var step = services.GetRequiredService<WorkflowEngine>().Execute(process, StateJson.Read(parent.StateJson), error);
            return step.Effects.OfType<IncidentRaised>().Any(i => i.Incident.Kind == IncidentKind.UnhandledError
                && i.Incident.ElementInstanceKey == error.ElementInstanceKey);
        }
        catch (WorkflowCommandException)
        {
            return false;
        }
    }

    private static async Task CloseAsync(WorkflowDb db, long id, string state, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await db.CallResults.Where(c => c.Id == id && c.State == WorkState.Open).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, state), ct);
    }
}
