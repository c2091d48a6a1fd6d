using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sandbox.Security;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.State;
using Sandbox.Workflow.Hosting;
using Sandbox.Workflow.Runtime;

namespace Sandbox.Workflow.Apis;

public sealed record StartInstanceRequest(JsonObject? Variables, int? Version);

public sealed record ResolveIncidentRequest(int? Retries);

public sealed record HistoryView(long ElementInstanceKey, string ElementId, string ElementType, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt, bool Terminated);

public sealed record IncidentView(long Key, string Kind, string ElementId, string Message, DateTimeOffset CreatedAt);

/// <summary>An instance a call activity started: its id, process, status and the call activity's element.</summary>
public sealed record CalledInstanceView(string Id, string BpmnProcessId, int Version, string Status, string? ElementId, long ElementInstanceKey);

public sealed record InstanceView(string Id, string BpmnProcessId, int Version, string Status, JsonObject Variables,
    IReadOnlyList<string> ActiveElementIds, IReadOnlyList<IncidentView> Incidents, IReadOnlyList<HistoryView> History,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? ParentInstanceId = null, long? ParentElementInstanceKey = null,
    IReadOnlyList<CalledInstanceView>? CalledInstances = null);

public static class InstancesApi
{
    public static RouteGroupBuilder MapInstancesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/processes/{bpmnProcessId}/instances", Start).RequireAuthorization(WorkflowPolicies.Operator)
            .WithTags("Instances").WithSummary("Starts an instance of the latest (or the given) version");
        var group = api.MapGroup("/instances").WithTags("Instances").RequireAuthorization(WorkflowPolicies.Operator);
        group.MapGet("/{id}", Get).WithSummary("An instance's status, variables, active elements, incidents and history");
        group.MapPost("/{id}/cancel", Cancel).WithSummary("Terminates every element of the instance");
        group.MapPost("/{id}/incidents/{key:long}/resolve", Resolve).RequireAuthorization(Policies.TenantAdmin)
            .WithSummary("Resolves an incident and retries what stopped (a job gets the given retries back)");
        return api;
    }

    private static async Task<Results<Created<InstanceView>, ProblemHttpResult, ValidationProblem>> Start(
        string bpmnProcessId, StartInstanceRequest? request, ClaimsPrincipal user, WorkflowDb db, InstanceRunner runner, CancellationToken ct)
    {
        if (Problems.Tenant(user) is not { } tenant) return Problems.NoTenant();
        if (request?.Version is <= 0) return Problems.Invalid("version", "The version must be 1 or more");
        var versions = db.Definitions.Where(d => d.Tenant == tenant && d.BpmnProcessId == bpmnProcessId);
        if (request?.Version is { } version) versions = versions.Where(d => d.Version == version);
        var definition = await versions.OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        if (definition is null) return Problems.NotFound($"No process '{bpmnProcessId}'{(request?.Version is { } v ? $" version {v}" : "")} is deployed");
        try
        {
            var row = await runner.StartAsync(definition, request?.Variables, ct);
            return TypedResults.Created($"/api/workflow/instances/{row.Id}", View(row));
        }
        catch (WorkflowCommandException e)
        {
            return Problems.Conflict(e.Message);
        }
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> Get(string id, ClaimsPrincipal user, WorkflowDb db, CancellationToken ct)
    {
        var row = await FindAsync(db, user, id, ct);
        if (row is null) return Problems.NotFound($"No instance {id}");
        var view = View(row);
        var elements = view.History.GroupBy(h => h.ElementInstanceKey).ToDictionary(g => g.Key, g => g.First().ElementId);
        var called = await db.Instances.AsNoTracking().Where(i => i.ParentInstanceId == row.Id).OrderBy(i => i.StartedAt)
            .Select(i => new { i.Id, i.BpmnProcessId, i.Version, i.Status, i.ParentElementInstanceKey }).ToListAsync(ct);
        return TypedResults.Ok(view with
        {
            CalledInstances = called.Select(c => new CalledInstanceView(c.Id, c.BpmnProcessId, c.Version, c.Status,
                elements.GetValueOrDefault(c.ParentElementInstanceKey ?? 0), c.ParentElementInstanceKey ?? 0)).ToList(),
        });
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> Cancel(string id, ClaimsPrincipal user, WorkflowDb db,
        InstanceRunner runner, CancellationToken ct)
    {
        var found = await FindAsync(db, user, id, ct);
        if (found is null) return Problems.NotFound($"No instance {id}");
        // As in Camunda, a called instance ends with its call activity: cancel the instance that called it.
        if (found.ParentInstanceId is { } parent) return Problems.Conflict($"Instance {id} was called by instance {parent}; cancel that one");
        var outcome = await runner.ExecuteAsync(id, new CancelInstance(), null, ct);
        return outcome.Succeeded ? TypedResults.Ok(View(outcome.Instance!)) : Problems.Conflict(outcome.Refusal!);
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult, ValidationProblem>> Resolve(string id, long key,
        ResolveIncidentRequest? request, ClaimsPrincipal user, WorkflowDb db, InstanceRunner runner, CancellationToken ct)
    {
        if (request?.Retries is < 1) return Problems.Invalid("retries", "Retries must be 1 or more");
        if (await FindAsync(db, user, id, ct) is null) return Problems.NotFound($"No instance {id}");
        var outcome = await runner.ExecuteAsync(id, new ResolveIncident(key, request?.Retries ?? 1), null, ct);
        return outcome.Succeeded ? TypedResults.Ok(View(outcome.Instance!)) : Problems.Conflict(outcome.Refusal!);
    }

    // Another tenant's instance answers 404, so its existence does not leak.
    private static Task<InstanceRow?> FindAsync(WorkflowDb db, ClaimsPrincipal user, string id, CancellationToken ct)
    {
        var tenant = Problems.Tenant(user) ?? "";
        return db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.Tenant == tenant, ct);
    }

    internal static InstanceView View(InstanceRow row)
    {
        var state = StateJson.Read(row.StateJson);
        return new(row.Id, row.BpmnProcessId, row.Version, row.Status, state.ProcessVariables(), state.ActiveElementIds(),
            state.Incidents.Select(i => new IncidentView(i.Key, i.Kind.ToString(), i.ElementId, i.Message, i.CreatedAt)).ToList(),
            state.History.Select(h => new HistoryView(h.ElementInstanceKey, h.ElementId, h.Kind.ToString(), h.EnteredAt, h.LeftAt, h.Terminated)).ToList(),
            state.StartedAt, state.EndedAt, row.ParentInstanceId, row.ParentElementInstanceKey);
    }
}
