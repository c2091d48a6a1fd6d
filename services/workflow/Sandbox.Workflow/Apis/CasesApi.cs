using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sandbox.Security;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Hosting;
using Sandbox.Workflow.Runtime;

namespace Sandbox.Workflow.Apis;

public sealed record CaseSummary(string InstanceId, string? Reference, string? SubmissionId, string? EserviceId,
    IReadOnlyDictionary<string, string> Names, string State, string? CaseStatus, DateTime StartedAt, DateTime UpdatedAt);

public sealed record CaseStep(string ElementId, string? Name, string Type, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt);

/// <summary>A case with its named steps; <see cref="Variables"/> only for staff.</summary>
public sealed record CaseDetail(string InstanceId, string? Reference, string? SubmissionId, string? EserviceId,
    IReadOnlyDictionary<string, string> Names, string State, string? CaseStatus, DateTime StartedAt, DateTime UpdatedAt,
    IReadOnlyList<CaseStep> History, JsonObject? Variables);

/// <summary>Cases as citizens see them: the instances started from their submissions.</summary>
public static class CasesApi
{
    private static readonly string[] Languages = ["sv", "nb", "fi", "en"];

    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases").WithTags("Cases");
        group.MapGet("/mine", Mine).RequireAuthorization(Policies.Citizen).WithSummary("The caller's cases, newest first");
        group.MapGet("/{instanceId}", Get).RequireAuthorization()
            .WithSummary("One case: its own citizen, or staff of the tenant (who also get the variables)");
        return api;
    }

    private static async Task<Ok<List<CaseSummary>>> Mine(ClaimsPrincipal user, WorkflowDb db, IEServiceNames names, CancellationToken ct)
    {
        var tenant = Problems.Tenant(user) ?? "";
        var subject = user.Subject();
        var rows = await db.Instances.AsNoTracking().Where(i => i.Tenant == tenant && i.Subject == subject && i.ParentInstanceId == null)
            .OrderByDescending(i => i.StartedAt).Take(500)
            .Join(db.Definitions, i => i.DefinitionId, d => d.Id, (i, d) => new { Instance = i, d.Name }).ToListAsync(ct);
        // A citizen's cases mostly share a few e-service versions: each version's names are looked up once.
        var known = new Dictionary<(string, int), IReadOnlyDictionary<string, string>?>();
        var cases = new List<CaseSummary>();
        foreach (var row in rows)
        {
            var i = row.Instance;
            cases.Add(new(i.Id, i.Reference, i.SubmissionId, i.EServiceId, await NamesAsync(names, i, row.Name, ct, known), i.Status, i.CaseStatus,
                OutboxWriter.Utc(i.StartedAt), OutboxWriter.Utc(i.UpdatedAt)));
        }
        return TypedResults.Ok(cases);
    }

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> Get(string instanceId, ClaimsPrincipal user, WorkflowDb db,
        DefinitionCache definitions, IEServiceNames names, CancellationToken ct)
    {
        var tenant = Problems.Tenant(user) ?? "";
        var row = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId && i.Tenant == tenant, ct);
        var staff = user.FindAll(SandboxClaims.Role).Any(r => Roles.Staff.Contains(r.Value));
        // A case that is not the caller's answers 404, like one of another tenant.
        if (row is null || (!staff && (row.Subject is null || row.Subject != user.Subject()))) return Problems.NotFound($"No case {instanceId}");
        var definition = await db.Definitions.AsNoTracking().SingleAsync(d => d.Id == row.DefinitionId, ct);
        var process = definitions.Get(definition);
        var state = StateJson.Read(row.StateJson);
        var history = state.History.Where(h => h.Kind != ElementKind.Process)
            .Select(h => (Entry: h, Name: process.Nodes.GetValueOrDefault(h.ElementId)?.Name))
            .Where(h => !string.IsNullOrWhiteSpace(h.Name))
            .Select(h => new CaseStep(h.Entry.ElementId, h.Name, h.Entry.Kind.ToString(), h.Entry.EnteredAt, h.Entry.LeftAt)).ToList();
        return TypedResults.Ok(new CaseDetail(row.Id, row.Reference, row.SubmissionId, row.EServiceId,
            await NamesAsync(names, row, definition.Name, ct), row.Status, row.CaseStatus, OutboxWriter.Utc(row.StartedAt),
            OutboxWriter.Utc(row.UpdatedAt), history, staff ? state.ProcessVariables() : null));
    }

    private static async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEServiceNames names, InstanceRow row, string? processName,
        CancellationToken ct, Dictionary<(string, int), IReadOnlyDictionary<string, string>?>? known = null)
    {
        if (row.EServiceId is { } id && row.EServiceVersion is { } version)
        {
            if (known is null || !known.TryGetValue((id, version), out var found))
            {
                found = await names.FindNamesAsync(row.Tenant, id, version, ct);
                known?.Add((id, version), found);
            }
            if (found is not null) return found;
        }
        var name = processName ?? row.BpmnProcessId;
        return Languages.ToDictionary(l => l, _ => name);
    }
}
