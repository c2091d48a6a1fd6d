using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Hosting;

namespace Sandbox.Workflow.Runtime;

/// <summary>
/// Fires due timers from the durable schedule in the database, so timers survive a restart. Due timers are
/// claimed under a lease (<see cref="Leases"/>) so replicas do not both fire one; a timer row is marked fired in
/// the same unit of work as the step it causes, and a timer the instance no longer waits for is closed without a
/// step. The firing step continues the trace of the step that scheduled the timer.
/// </summary>
internal sealed class TimerPoller(IServiceScopeFactory scopes, WorkflowOptions options, TimeProvider clock, ILogger<TimerPoller> logger)
    : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.TimerPollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await FireDueAsync(stoppingToken) == Batch) { }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Firing due timers failed; retrying at the next tick");
            }
        }
    }

    /// <summary>Claims and fires the timers due now; returns how many it claimed.</summary>
    public async Task<int> FireDueAsync(CancellationToken ct)
    {
        var due = clock.GetUtcNow().UtcDateTime;
        List<TimerRow> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
            claimed = await Leases.ClaimAsync(db, db.Timers, t => t.DueAt <= due, t => t.DueAt, Batch, options.LeaseTimeout, ct);
        }
        foreach (var timer in claimed) await FireAsync(timer, ct);
        return claimed.Count;
    }

    private async Task FireAsync(TimerRow timer, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var runner = scope.ServiceProvider.GetRequiredService<InstanceRunner>();
        var outcome = await runner.ExecuteAsync(timer.InstanceId, new FireTimer(timer.SubscriptionKey), async token =>
        {
            var row = await db.Timers.SingleAsync(t => t.Id == timer.Id, token);
            if (row.State == WorkState.Open) row.State = WorkState.Completed;
        }, ct, timer.TraceParent);
        if (outcome.Succeeded) return;
        logger.LogInformation("Timer {TimerKey} of instance {InstanceId} closed without firing: {Reason}", timer.SubscriptionKey, timer.InstanceId, outcome.Refusal);
        db.ChangeTracker.Clear();
        await db.WriteAsync(() => db.Timers.Where(t => t.Id == timer.Id && t.State == WorkState.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, WorkState.Cancelled), ct), ct);
    }
}
