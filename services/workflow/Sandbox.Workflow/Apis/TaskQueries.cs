using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Runtime;

namespace Sandbox.Workflow.Apis;

public sealed record TaskView(long Id, string InstanceId, string ElementId, string? Name, string? FormKey, string? FormId,
    string? Assignee, IReadOnlyList<string> CandidateGroups, IReadOnlyList<string> CandidateUsers, DateTime? DueDate,
    DateTime CreatedAt, string State, bool Overdue, string? Reference, string? SubmissionId, string BpmnProcessId, string? ProcessName);

/// <summary>A task with the variables visible at it (what its form is filled from).</summary>
public sealed record TaskDetail(TaskView Task, JsonObject Variables);

public sealed record TaskPage(IReadOnlyList<TaskView> Items, int Page, int PageSize, int Total);

/// <summary>Reading the caseworker inbox: the list with filters and one task with its variables.</summary>
internal static class TaskQueries
{
    private const int MaxPageSize = 200;

    public static async Task<Results<Ok<TaskPage>, ValidationProblem>> List(ClaimsPrincipal user, WorkflowDb db, TimeProvider clock,
        string? assignee, string? candidateGroup, DateTime? dueBefore, bool? overdue, int? page, int? pageSize, string? sort, string? order,
        CancellationToken ct)
    {
        if (TaskSort.Parse(sort, order) is not { } sorting)
        {
            return TaskSort.Parse(sort, null) is null
                ? Problems.Invalid("sort", $"Sort by one of: {string.Join(", ", TaskSort.Keys)}")
                : Problems.Invalid("order", $"The order is one of: {string.Join(", ", TaskSort.Orders)}");
        }
        if (page is < 1) return Problems.Invalid("page", "The page must be 1 or more");
        if (pageSize is < 1 or > MaxPageSize) return Problems.Invalid("pageSize", $"The page size must be between 1 and {MaxPageSize}");
        var tenant = Problems.Tenant(user) ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.UserTasks.AsNoTracking().Where(t => t.Tenant == tenant && t.State == WorkState.Open);
        if (assignee is not null) query = query.Where(t => t.Assignee == assignee);
        if (candidateGroup is not null) query = query.Where(t => t.CandidateGroups.Contains("|" + candidateGroup + "|"));
        if (dueBefore is { } before)
        {
            var limit = before.ToUniversalTime();
            query = query.Where(t => t.DueDate != null && t.DueDate < limit);
        }
        if (overdue is true) query = query.Where(t => t.DueDate != null && t.DueDate < now);
        if (overdue is false) query = query.Where(t => t.DueDate == null || t.DueDate >= now);
        // Candidate groups are few per task; matching them against the caller's groups, and the sort, are done here
        // (ordinal, so the order does not depend on the database's collation).
        var rows = await query.Join(db.Instances, t => t.InstanceId, i => i.Id, (t, i) => new { Task = t, i.Reference }).ToListAsync(ct);
        var visible = rows.Where(r => TasksApi.MayWorkOn(user, r.Task)).Select(r => (r.Task, r.Reference)).Order(sorting).ToList();
        int p = page ?? 1, size = pageSize ?? 50;
        var items = await ViewsAsync(db, now, visible.Skip((p - 1) * size).Take(size).Select(r => r.Task).ToList(), ct);
        return TypedResults.Ok(new TaskPage(items, p, size, visible.Count));
    }

    public static async Task<Results<Ok<TaskDetail>, ProblemHttpResult>> Get(long id, ClaimsPrincipal user, WorkflowDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var task = await TasksApi.FindAsync(db, user, id, ct);
        if (task is null) return Problems.NotFound($"No task {id}");
        var state = await db.Instances.AsNoTracking().Where(i => i.Id == task.InstanceId).Select(i => i.StateJson).SingleAsync(ct);
        var variables = task.State == WorkState.Open
            ? StateJson.Read(state).VisibleVariables(task.ElementInstanceKey)
            : StateJson.Read(state).ProcessVariables();
        return TypedResults.Ok(new TaskDetail(await ViewAsync(db, clock, task, ct), variables));
    }

    public static async Task<TaskView> ViewAsync(WorkflowDb db, TimeProvider clock, UserTaskRow task, CancellationToken ct) =>
        (await ViewsAsync(db, clock.GetUtcNow().UtcDateTime, [task], ct))[0];

    private static async Task<List<TaskView>> ViewsAsync(WorkflowDb db, DateTime now, List<UserTaskRow> tasks, CancellationToken ct)
    {
        var ids = tasks.Select(t => t.InstanceId).Distinct().ToList();
        var cases = await db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Join(db.Definitions, i => i.DefinitionId, d => d.Id, (i, d) => new { i.Id, i.Reference, i.SubmissionId, i.BpmnProcessId, d.Name })
            .ToDictionaryAsync(c => c.Id, ct);
        return tasks.Select(t =>
        {
            var c = cases[t.InstanceId];
            return new TaskView(t.Id, t.InstanceId, t.ElementId, t.Name, t.FormKey, t.FormId, t.Assignee,
                EffectWriter.Split(t.CandidateGroups), EffectWriter.Split(t.CandidateUsers), Utc(t.DueDate), OutboxWriter.Utc(t.CreatedAt), t.State,
                t.State == WorkState.Open && t.DueDate < now, c.Reference, c.SubmissionId, c.BpmnProcessId, c.Name);
        }).ToList();
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? OutboxWriter.Utc(v) : null;
}
