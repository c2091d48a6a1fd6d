using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Hosting;

namespace Sandbox.Workflow.Runtime;

/// <summary>
/// Fires due timers from the durable schedule in the database, so timers survive a restart. A timer row is
/// marked fired in the same unit of work as the step it causes; a timer the instance no longer waits for is
/// closed without a step.
/// </summary>
internal sealed class TimerPoller(IServiceScopeFactory scopes, WorkflowOptions options, TimeProvider clock, ILogger<TimerPoller> logger)
    : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.TimerPollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await FireDueAsync(stoppingToken) == Batch) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Firing due timers failed; retrying at the next tick");
            }
        }
    }

    /// <summary>Fires the timers due now; returns how many it looked at.</summary>
    public async Task<int> FireDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<TimerRow> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
            due = await db.Timers.AsNoTracking().Where(t => t.State == WorkState.Open && t.DueAt <= now)
                .OrderBy(t => t.DueAt).Take(Batch).ToListAsync(ct);
        }
        foreach (var timer in due) await FireAsync(timer, ct);
        return due.Count;
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
        }, ct);
        if (outcome.Succeeded) return;
        logger.LogInformation("Timer {TimerKey} of instance {InstanceId} closed without firing: {Reason}", timer.SubscriptionKey, timer.InstanceId, outcome.Refusal);
        db.ChangeTracker.Clear();
        await db.Timers.Where(t => t.Id == timer.Id && t.State == WorkState.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, WorkState.Cancelled), ct);
    }
}
