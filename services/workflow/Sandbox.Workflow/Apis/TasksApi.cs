using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sandbox.Security;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Hosting;
using Sandbox.Workflow.Runtime;

namespace Sandbox.Workflow.Apis;

public sealed record TaskView(long Id, string InstanceId, string ElementId, string? Name, string? FormKey, string? FormId,
    string? Assignee, IReadOnlyList<string> CandidateGroups, IReadOnlyList<string> CandidateUsers, DateTime? DueDate,
    DateTime CreatedAt, string State);

public sealed record TaskPage(IReadOnlyList<TaskView> Items, int Page, int PageSize, int Total);

public sealed record CompleteTaskRequest(JsonObject? Variables);

/// <summary>
/// The caseworker inbox. A caseworker sees the open tasks of their tenant that are assigned to them, name them
/// as a candidate user, name one of their roles or groups as a candidate group, or name nobody at all.
/// </summary>
public static class TasksApi
{
    private const int MaxPageSize = 200;

    public static RouteGroupBuilder MapTasksApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks").RequireAuthorization(Policies.Caseworker);
        group.MapGet("/", List).WithSummary("Open user tasks the caller may work on, soonest due first");
        group.MapPost("/{id:long}/claim", Claim).WithSummary("Assigns the task to the caller");
        group.MapPost("/{id:long}/unclaim", Unclaim).WithSummary("Gives the caller's task back to its candidates");
        group.MapPost("/{id:long}/complete", Complete).WithSummary("Completes the task with the submitted form data");
        return api;
    }

    private static async Task<Results<Ok<TaskPage>, ValidationProblem>> List(ClaimsPrincipal user, WorkflowDb db,
        string? assignee, string? candidateGroup, int? page, int? pageSize, CancellationToken ct)
    {
        if (page is < 1) return Problems.Invalid("page", "The page must be 1 or more");
        if (pageSize is < 1 or > MaxPageSize) return Problems.Invalid("pageSize", $"The page size must be between 1 and {MaxPageSize}");
        var tenant = Problems.Tenant(user) ?? "";
        var query = db.UserTasks.AsNoTracking().Where(t => t.Tenant == tenant && t.State == WorkState.Open);
        if (assignee is not null) query = query.Where(t => t.Assignee == assignee);
        if (candidateGroup is not null) query = query.Where(t => t.CandidateGroups.Contains("|" + candidateGroup + "|"));
        // Candidate groups are few per task; matching them against the caller's groups is done here.
        var visible = (await query.OrderBy(t => t.Id).ToListAsync(ct)).Where(t => MayWorkOn(user, t))
            .OrderBy(t => t.DueDate ?? DateTime.MaxValue).ThenBy(t => t.Id).ToList();
        int p = page ?? 1, size = pageSize ?? 50;
        var items = visible.Skip((p - 1) * size).Take(size).Select(View).ToList();
        return TypedResults.Ok(new TaskPage(items, p, size, visible.Count));
    }

    private static async Task<Results<Ok<TaskView>, ProblemHttpResult>> Claim(long id, ClaimsPrincipal user, WorkflowDb db, CancellationToken ct)
    {
        var task = await FindAsync(db, user, id, ct);
        if (task is null) return Problems.NotFound($"No task {id}");
        if (task.State != WorkState.Open) return Problems.Conflict($"Task {id} is {task.State}");
        var subject = user.Subject();
        if (task.Assignee is { } assignee && assignee != subject) return Problems.Conflict($"Task {id} is assigned to {assignee}");
        task.Assignee = subject;
        task.RowVersion = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict($"Task {id} changed meanwhile; read it again");
        }
        return TypedResults.Ok(View(task));
    }

    private static async Task<Results<Ok<TaskView>, ProblemHttpResult>> Unclaim(long id, ClaimsPrincipal user, WorkflowDb db, CancellationToken ct)
    {
        var task = await FindAsync(db, user, id, ct);
        if (task is null) return Problems.NotFound($"No task {id}");
        if (task.State != WorkState.Open) return Problems.Conflict($"Task {id} is {task.State}");
        if (task.Assignee != user.Subject()) return Problems.Conflict($"Task {id} is not assigned to the caller");
        task.Assignee = null;
        task.RowVersion = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict($"Task {id} changed meanwhile; read it again");
        }
        return TypedResults.Ok(View(task));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Complete(long id, CompleteTaskRequest? request, ClaimsPrincipal user,
        WorkflowDb db, InstanceRunner runner, Telemetry telemetry, CancellationToken ct)
    {
        var task = await FindAsync(db, user, id, ct);
        if (task is null) return Problems.NotFound($"No task {id}");
        if (task.State != WorkState.Open) return Problems.Conflict($"Task {id} is {task.State}");
        if (task.Assignee is { } assignee && assignee != user.Subject()) return Problems.Conflict($"Task {id} is assigned to {assignee}");
        var outcome = await runner.ExecuteAsync(task.InstanceId, new CompleteUserTask(task.ElementInstanceKey, request?.Variables),
            async token =>
            {
                var row = await db.UserTasks.SingleAsync(t => t.Id == id, token);
                if (row.State == WorkState.Open) EffectWriter.Close(row, WorkState.Completed);
            }, ct);
        if (!outcome.Succeeded) return Problems.Conflict(outcome.Refusal ?? $"Task {id} cannot be completed");
        telemetry.TaskCompleted(outcome.Instance!.BpmnProcessId);
        return TypedResults.NoContent();
    }

    // A task the caller may not see answers 404, like a task of another tenant.
    private static async Task<UserTaskRow?> FindAsync(WorkflowDb db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        var tenant = Problems.Tenant(user) ?? "";
        var task = await db.UserTasks.FirstOrDefaultAsync(t => t.Id == id && t.Tenant == tenant, ct);
        return task is not null && MayWorkOn(user, task) ? task : null;
    }

    private static bool MayWorkOn(ClaimsPrincipal user, UserTaskRow task)
    {
        var subject = user.Subject();
        var groups = EffectWriter.Split(task.CandidateGroups);
        var users = EffectWriter.Split(task.CandidateUsers);
        if (task.Assignee == subject || users.Contains(subject)) return true;
        if (groups.Length == 0 && users.Length == 0) return true;
        var mine = user.Groups();
        return groups.Any(mine.Contains);
    }

    private static TaskView View(UserTaskRow t) => new(t.Id, t.InstanceId, t.ElementId, t.Name, t.FormKey, t.FormId, t.Assignee,
        EffectWriter.Split(t.CandidateGroups), EffectWriter.Split(t.CandidateUsers), t.DueDate, t.CreatedAt, t.State);
}
