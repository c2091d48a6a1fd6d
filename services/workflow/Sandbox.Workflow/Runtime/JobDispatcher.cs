using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Hosting;

namespace Sandbox.Workflow.Runtime;

/// <summary>
/// Pushes jobs whose type the e-service maps to a Dapr app: claims each under a lock (worker and lock time
/// written with a check that nobody holds it, so two replicas do not both push it), invokes the app, and applies
/// the answer: 200 completes the job, 422 throws its BPMN error, anything else (or no answer) fails it with one
/// retry less and a growing back-off, ending in an incident at 0. Delivery is at least once: a job whose answer
/// was lost (the replica stopped after the app finished) is pushed again once its lock runs out, so apps must
/// treat the job <c>key</c> as an idempotency key.
/// </summary>
internal sealed class JobDispatcher(IServiceScopeFactory scopes, IJobInvoker invoker, JobSignal signal, WorkflowOptions options,
    TimeProvider clock, Telemetry telemetry, ILogger<JobDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim slots = new(options.JobPushParallelism);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                running.AddRange(await DispatchDueAsync(stoppingToken));
                running.RemoveAll(t => t.IsCompleted);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Pushing jobs failed; trying again");
            }
            await signal.WaitAsync(options.JobPushPollInterval, stoppingToken);
        }
        await Task.WhenAll(running);
    }

    /// <summary>
    /// Claims as many due push-mode jobs as there are free slots and starts pushing them; a slow or silent app
    /// holds only its own slot (until the lock timeout), never the jobs behind it.
    /// </summary>
    public async Task<List<Task>> DispatchDueAsync(CancellationToken ct)
    {
        var free = slots.CurrentCount;
        if (free == 0) return [];
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + options.JobPushLockTimeout;
        var token = "push:" + Leases.NewToken();
        List<JobRow> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
            var ids = await Due(db, now).OrderBy(j => j.Id).Select(j => j.Id).Take(free).ToListAsync(ct);
            if (ids.Count == 0) return [];
            await db.WriteAsync(() => Due(db, now).Where(j => ids.Contains(j.Id)).ExecuteUpdateAsync(s => s.SetProperty(j => j.Worker, token)
                .SetProperty(j => j.LockedUntil, until).SetProperty(j => j.RowVersion, Guid.NewGuid()), ct), ct);
            claimed = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id) && j.Worker == token && j.State == WorkState.Open).ToListAsync(ct);
        }
        var started = new List<Task>();
        foreach (var job in claimed)
        {
            await slots.WaitAsync(ct);
            started.Add(Task.Run(async () =>
            {
                try
                {
                    await PushAsync(job, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogError(e, "Pushing job {JobKey} failed; it is pushed again when its lock runs out", job.Id);
                }
                finally
                {
                    slots.Release();
                    // A freed slot may take the next job at once.
                    signal.Notify();
                }
            }, CancellationToken.None));
        }
        return started;
    }

    private static IQueryable<JobRow> Due(WorkflowDb db, DateTime now) => db.Jobs.Where(j => j.PushApp != null && j.State == WorkState.Open
        && (j.AvailableAt == null || j.AvailableAt <= now) && (j.LockedUntil == null || j.LockedUntil <= now));

    private async Task PushAsync(JobRow job, CancellationToken ct)
    {
        using var activity = Telemetry.StartStoredWorkActivity($"push {job.Type}", ActivityKind.Client, job.TraceParent)
            ?.SetTag("sandbox.workflow.job_type", job.Type).SetTag("sandbox.workflow.instance", job.InstanceId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == job.InstanceId, ct);
        if (instance is null) return;
        JobAnswer answer;
        try
        {
            var variables = StateJson.Read(instance.StateJson).VisibleVariables(job.ElementInstanceKey);
            var body = new PushedJob(job.Id, job.Type, job.InstanceId, instance.BpmnProcessId, job.ElementId, job.Tenant, job.Retries,
                variables, JsonNode.Parse(job.HeadersJson)!.AsObject());
            // An app that does not answer within the lock is treated as failed, before another replica pushes again.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.JobPushLockTimeout * 0.9);
            answer = await invoker.InvokeAsync(job.PushApp!, job.PushMethod ?? "", body, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or WorkflowCommandException or Grpc.Core.RpcException
            && !ct.IsCancellationRequested)
        {
            answer = new JobAnswer.Failed(e.Message);
        }
        activity?.SetTag("sandbox.workflow.job_answer", answer.GetType().Name);
        await ApplyAsync(scope.ServiceProvider, job, answer, ct);
    }

    private async Task ApplyAsync(IServiceProvider services, JobRow job, JobAnswer answer, CancellationToken ct)
    {
        var db = services.GetRequiredService<WorkflowDb>();
        var runner = services.GetRequiredService<InstanceRunner>();
        var retries = Math.Max(0, job.Retries - 1);
        InstanceCommand command = answer switch
        {
            JobAnswer.Completed c => new CompleteJob(job.ElementInstanceKey, c.Variables),
            JobAnswer.BpmnError e => new ThrowError(job.ElementInstanceKey, e.ErrorCode, e.ErrorMessage),
            JobAnswer.Failed f => new FailJob(job.ElementInstanceKey, retries, f.Reason, Backoff(retries)),
            _ => throw new InvalidOperationException("Unknown answer"),
        };
        // A failure with retries left makes the engine offer the job again, on the same row.
        var close = answer is not JobAnswer.Failed || retries == 0;
        var outcome = await runner.ExecuteAsync(job.InstanceId, command, async token =>
        {
            var row = await db.Jobs.SingleAsync(j => j.Id == job.Id, token);
            if (close && row.State == WorkState.Open) EffectWriter.Close(row, WorkState.Completed);
        }, ct);
        if (!outcome.Succeeded)
        {
            logger.LogInformation("Answer to pushed job {JobKey} not applied: {Reason}", job.Id, outcome.Refusal);
            return;
        }
        if (answer is JobAnswer.Failed failed)
        {
            logger.LogWarning("Pushed job {JobKey} of type {JobType} failed ({Retries} retries left): {Reason}", job.Id, job.Type, retries, failed.Reason);
        }
        else
        {
            telemetry.JobCompleted(job.Type, "push", clock.GetUtcNow().UtcDateTime - job.CreatedAt);
        }
    }

    // 10 s, 20 s, 40 s … while retries run down, never more than five minutes.
    private TimeSpan Backoff(int retriesLeft) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, options.JobPushBackoff.Ticks * (1L << Math.Clamp(3 - retriesLeft, 0, 10))));
}
