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

public sealed record CompleteTaskRequest(JsonObject? Variables);

/// <summary>
/// The caseworker inbox. A caseworker sees the open tasks of their tenant that are assigned to them, name them
/// as a candidate user, name one of their roles or groups as a candidate group, or name nobody at all.
/// </summary>
public static class TasksApi
{
    public static RouteGroupBuilder MapTasksApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks").RequireAuthorization(WorkflowPolicies.TaskHandler);
        group.MapGet("/", TaskQueries.List).WithSummary("Open user tasks the caller may work on, a page at a time (?sort=due|created|reference&order=asc|desc)");
        group.MapGet("/{id:long}", TaskQueries.Get).WithSummary("A task with the variables its form sees");
        group.MapPost("/{id:long}/claim", Claim).WithSummary("Assigns the task to the caller");
        group.MapPost("/{id:long}/unclaim", Unclaim).WithSummary("Gives the caller's task back to its candidates");
        group.MapPost("/{id:long}/complete", Complete).WithSummary("Completes the task with the submitted form data");
        return api;
    }

    private static async Task<Results<Ok<TaskView>, ProblemHttpResult>> Claim(long id, ClaimsPrincipal user, WorkflowDb db, TimeProvider clock, CancellationToken ct)
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
        return TypedResults.Ok(await TaskQueries.ViewAsync(db, clock, task, ct));
    }

    private static async Task<Results<Ok<TaskView>, ProblemHttpResult>> Unclaim(long id, ClaimsPrincipal user, WorkflowDb db, TimeProvider clock, CancellationToken ct)
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
        return TypedResults.Ok(await TaskQueries.ViewAsync(db, clock, task, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Complete(long id, CompleteTaskRequest? request,
        ClaimsPrincipal user, HttpRequest http, WorkflowDb db, InstanceRunner runner, IFormValidator forms, CancellationToken ct)
    {
        var task = await FindAsync(db, user, id, ct);
        if (task is null) return Problems.NotFound($"No task {id}");
        if (task.State != WorkState.Open) return Problems.Conflict($"Task {id} is {task.State}");
        if (task.Assignee is { } assignee && assignee != user.Subject()) return Problems.Conflict($"Task {id} is assigned to {assignee}");
        if (task.FormId is { } formId)
        {
            var verdict = await forms.ValidateAsync(formId, request?.Variables ?? [], http.Headers.Authorization.FirstOrDefault(),
                http.Headers.AcceptLanguage.FirstOrDefault(), ct);
            if (!verdict.Found) return Problems.Conflict($"The task's form '{formId}' is not published");
            if (!verdict.Valid) return TypedResults.ValidationProblem(verdict.Errors, title: "The data does not fit the task's form");
        }
        // The step closes the task row and writes task-completed (see EffectWriter); a second completion is refused.
        var outcome = await runner.ExecuteAsync(task.InstanceId, new CompleteUserTask(task.ElementInstanceKey, request?.Variables), null, ct);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.Conflict(outcome.Refusal ?? $"Task {id} cannot be completed");
    }

    // A task the caller may not see answers 404, like a task of another tenant.
    internal static async Task<UserTaskRow?> FindAsync(WorkflowDb db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        var tenant = Problems.Tenant(user) ?? "";
        var task = await db.UserTasks.FirstOrDefaultAsync(t => t.Id == id && t.Tenant == tenant, ct);
        return task is not null && MayWorkOn(user, task) ? task : null;
    }

    internal static bool MayWorkOn(ClaimsPrincipal user, UserTaskRow task)
    {
        var subject = user.Subject();
        var groups = EffectWriter.Split(task.CandidateGroups);
        var users = EffectWriter.Split(task.CandidateUsers);
        if (task.Assignee == subject || users.Contains(subject)) return true;
        if (groups.Length == 0 && users.Length == 0) return true;
        var mine = user.Groups();
        return groups.Any(mine.Contains);
    }
}
