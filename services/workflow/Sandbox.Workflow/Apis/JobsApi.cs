using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Hosting;
using Sandbox.Workflow.Runtime;

namespace Sandbox.Workflow.Apis;

/// <summary>Asks for up to <paramref name="MaxJobs"/> jobs of a type, locked to the worker for <paramref name="Timeout"/> milliseconds.</summary>
public sealed record ActivateJobsRequest(string? Type, string? Worker, int MaxJobs, long Timeout);

public sealed record ActivatedJob(long Key, string Type, string InstanceId, string ElementId, long ElementInstanceKey, int Retries,
    DateTime Deadline, string Worker, JsonObject Variables, JsonObject CustomHeaders);

public sealed record ActivateJobsResponse(IReadOnlyList<ActivatedJob> Jobs);

public sealed record CompleteJobRequest(JsonObject? Variables);

/// <summary>Fails a job; with <paramref name="Retries"/> left it comes back after <paramref name="RetryBackOff"/> milliseconds.</summary>
public sealed record FailJobRequest(int Retries, string? ErrorMessage, long RetryBackOff);

public sealed record ThrowErrorRequest(string? ErrorCode, string? ErrorMessage, JsonObject? Variables);

/// <summary>The job worker contract, shaped as Zeebe's: activate, then complete, fail or throw a BPMN error.</summary>
public static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/jobs").WithTags("Jobs").RequireAuthorization(WorkflowPolicies.Worker);
        group.MapPost("/activate", Activate).WithSummary("Locks and returns jobs of a type for a worker");
        group.MapPost("/{key:long}/complete", Complete).WithSummary("Completes a job with result variables");
        group.MapPost("/{key:long}/fail", Fail).WithSummary("Fails a job: retried while retries are left, else an incident");
        group.MapPost("/{key:long}/error", ThrowError).WithSummary("Throws a BPMN error from a job");
        return api;
    }

    private static async Task<Results<Ok<ActivateJobsResponse>, ValidationProblem, ProblemHttpResult>> Activate(ActivateJobsRequest request,
        ClaimsPrincipal user, WorkflowDb db, WorkflowOptions options, TimeProvider clock, CancellationToken ct)
    {
        if (Problems.Tenant(user) is not { } tenant) return Problems.NoTenant();
        if (string.IsNullOrWhiteSpace(request.Type)) return Problems.Invalid("type", "The job type is required");
        if (string.IsNullOrWhiteSpace(request.Worker)) return Problems.Invalid("worker", "The worker name is required");
        if (request.MaxJobs < 1 || request.MaxJobs > options.MaxJobsPerActivation)
            return Problems.Invalid("maxJobs", $"maxJobs must be between 1 and {options.MaxJobsPerActivation}");
        if (request.Timeout < 1 || request.Timeout > TimeSpan.FromDays(1).TotalMilliseconds)
            return Problems.Invalid("timeout", "The timeout must be between 1 ms and one day, in milliseconds");

        var now = clock.GetUtcNow().UtcDateTime;
        var deadline = now.AddMilliseconds(request.Timeout);
        var locked = await LockAsync(db, tenant, request.Type, request.Worker, request.MaxJobs, now, deadline, ct);
        var instanceIds = locked.Select(j => j.InstanceId).Distinct().ToList();
        var states = await db.Instances.AsNoTracking().Where(i => instanceIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => StateJson.Read(i.StateJson), ct);
        var jobs = locked.Select(j => new ActivatedJob(j.Id, j.Type, j.InstanceId, j.ElementId, j.ElementInstanceKey, j.Retries,
            deadline, request.Worker, states[j.InstanceId].VisibleVariables(j.ElementInstanceKey),
            JsonNode.Parse(j.HeadersJson)!.AsObject())).ToList();
        return TypedResults.Ok(new ActivateJobsResponse(jobs));
    }

    /// <summary>
    /// Locks up to <paramref name="max"/> available jobs to <paramref name="worker"/> and returns them. PostgreSQL: one
    /// UPDATE over the rows a <c>FOR UPDATE SKIP LOCKED</c> sub-select picks, so workers asking at the same time get
    /// different jobs and nobody waits. SQLite: the writers of this process take turns, and the UPDATE re-checks
    /// that the job is still free (see Runtime.Leases); the rows carrying this claim's row version are the ones locked.
    /// </summary>
    private static async Task<List<JobRow>> LockAsync(WorkflowDb db, string tenant, string type, string worker, int max, DateTime now,
        DateTime deadline, CancellationToken ct)
    {
        var claim = Guid.NewGuid();
        if (db.Database.IsNpgsql())
        {
            var rows = await db.Jobs.FromSql($"""
                UPDATE "Jobs" SET "Worker" = {worker}, "LockedUntil" = {deadline}, "RowVersion" = {claim}
                WHERE "Id" IN (SELECT "Id" FROM "Jobs" WHERE "Tenant" = {tenant} AND "Type" = {type} AND "State" = 'open'
                    AND "PushApp" IS NULL AND ("AvailableAt" IS NULL OR "AvailableAt" <= {now}) AND ("LockedUntil" IS NULL OR "LockedUntil" <= {now})
                    ORDER BY "Id" LIMIT {max} FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(ct);
            return [.. rows.OrderBy(j => j.Id)];
        }
        var ids = await db.WriteAsync(async () =>
        {
            var ids = await Available(db, tenant, type, now).OrderBy(j => j.Id).Select(j => j.Id).Take(max).ToListAsync(ct);
            if (ids.Count == 0) return ids;
            await Available(db, tenant, type, now).Where(j => ids.Contains(j.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Worker, worker).SetProperty(j => j.LockedUntil, deadline).SetProperty(j => j.RowVersion, claim), ct);
            return ids;
        }, ct);
        return ids.Count == 0 ? [] : await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id) && j.RowVersion == claim).OrderBy(j => j.Id).ToListAsync(ct);
    }

    // Push-mode jobs are the dispatcher's; workers never see them.
    private static IQueryable<JobRow> Available(WorkflowDb db, string tenant, string type, DateTime now) => db.Jobs.Where(j => j.Tenant == tenant
        && j.Type == type && j.State == WorkState.Open && j.PushApp == null
        && (j.AvailableAt == null || j.AvailableAt <= now) && (j.LockedUntil == null || j.LockedUntil <= now));

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Complete(long key, CompleteJobRequest? request,
        ClaimsPrincipal user, WorkflowDb db, InstanceRunner runner, Telemetry telemetry, TimeProvider clock, CancellationToken ct)
    {
        var result = await RunAsync(key, user, db, runner, job => new CompleteJob(job.ElementInstanceKey, request?.Variables), WorkState.Completed, ct);
        if (result.Result is NoContent && db.Jobs.Local.FirstOrDefault(j => j.Id == key) is { } done)
        {
            telemetry.JobCompleted(done.Type, "pull", clock.GetUtcNow().UtcDateTime - done.CreatedAt);
        }
        return result;
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Fail(long key, FailJobRequest request,
        ClaimsPrincipal user, WorkflowDb db, InstanceRunner runner, CancellationToken ct)
    {
        if (request.Retries < 0) return Problems.Invalid("retries", "Retries cannot be negative");
        if (request.RetryBackOff < 0) return Problems.Invalid("retryBackOff", "The back-off cannot be negative");
        var backoff = TimeSpan.FromMilliseconds(request.RetryBackOff);
        // With retries left the engine creates the job again and the row stays open; without, the job ends in an incident.
        return await RunAsync(key, user, db, runner, job => new FailJob(job.ElementInstanceKey, request.Retries, request.ErrorMessage, backoff),
            request.Retries > 0 ? null : WorkState.Completed, ct);
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ThrowError(long key, ThrowErrorRequest request,
        ClaimsPrincipal user, WorkflowDb db, InstanceRunner runner, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.ErrorCode)) return Problems.Invalid("errorCode", "The error code is required");
        return await RunAsync(key, user, db, runner,
            job => new Engine.Execution.ThrowError(job.ElementInstanceKey, request.ErrorCode, request.ErrorMessage, request.Variables),
            WorkState.Completed, ct);
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> RunAsync(long key, ClaimsPrincipal user, WorkflowDb db,
        InstanceRunner runner, Func<JobRow, InstanceCommand> command, string? closeAs, CancellationToken ct)
    {
        var tenant = Problems.Tenant(user) ?? "";
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == key && j.Tenant == tenant, ct);
        if (job is null) return Problems.NotFound($"No job {key}");
        if (job.State != WorkState.Open) return Problems.Conflict($"Job {key} is {job.State}");
        // The first attempt closes the row just read (its row version guards the UPDATE); a retry reads it again.
        var read = job;
        var outcome = await runner.ExecuteAsync(job.InstanceId, command(job), async token =>
        {
            JobRow row;
            if (read is not null)
            {
                row = db.Jobs.Attach(read).Entity;
                read = null;
            }
            else
            {
                row = await db.Jobs.SingleAsync(j => j.Id == key, token);
            }
            if (closeAs is not null && row.State == WorkState.Open) EffectWriter.Close(row, closeAs);
        }, ct);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.Conflict(outcome.Refusal ?? $"Job {key} cannot be changed");
    }
}
