using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Hosting;
using Sandbox.Workflow.Runtime;

namespace Sandbox.Workflow.Apis;

/// <summary>Per element of a process version: tokens there now, times it was completed, open incidents.</summary>
public sealed record ElementStatistics(string ElementId, int Active, int Completed, int Incidents);

/// <summary>What the bpmn-js viewer shows: a deployed version's XML and counts per element for its overlays.</summary>
public static class ProcessViewsApi
{
    public static RouteGroupBuilder MapProcessViewsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/processes").WithTags("Processes").RequireAuthorization(WorkflowPolicies.Operator);
        group.MapGet("/{key:long}/xml", Xml).Produces<string>(StatusCodes.Status200OK, "application/xml")
            .WithSummary("The BPMN XML of a deployed process version");
        group.MapGet("/{key:long}/statistics", Statistics).WithSummary("Active, completed and incident counts per element of a process version");
        return api;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Xml(long key, ClaimsPrincipal user, WorkflowDb db, CancellationToken ct)
    {
        var tenant = Problems.Tenant(user) ?? "";
        var xml = await db.Definitions.AsNoTracking().Where(d => d.Id == key && d.Tenant == tenant).Select(d => d.Xml).FirstOrDefaultAsync(ct);
        return xml is null ? Problems.NotFound($"No process version {key}") : TypedResults.Text(xml, "application/xml");
    }

    private static async Task<Results<Ok<List<ElementStatistics>>, ProblemHttpResult>> Statistics(long key, ClaimsPrincipal user, WorkflowDb db,
        CancellationToken ct)
    {
        var tenant = Problems.Tenant(user) ?? "";
        if (!await db.Definitions.AnyAsync(d => d.Id == key && d.Tenant == tenant, ct)) return Problems.NotFound($"No process version {key}");
        var instances = db.Instances.Where(i => i.DefinitionId == key);
        var counts = await db.History.Where(h => instances.Any(i => i.Id == h.InstanceId))
            .GroupBy(h => new { h.ElementId, h.Event }).Select(g => new { g.Key.ElementId, g.Key.Event, Count = g.Count() }).ToListAsync(ct);
        // Incidents live in the snapshots of the instances that have one open.
        var stopped = await instances.Where(i => i.Status == "incident").Select(i => i.StateJson).ToListAsync(ct);
        var incidents = stopped.SelectMany(s => StateJson.Read(s).Incidents).GroupBy(i => i.ElementId).ToDictionary(g => g.Key, g => g.Count());
        var result = counts.Select(c => c.ElementId).Concat(incidents.Keys).Distinct().Order().Select(id =>
        {
            int Count(string ev) => counts.Where(c => c.ElementId == id && c.Event == ev).Sum(c => c.Count);
            return new ElementStatistics(id, Count("entered") - Count("left") - Count("terminated"), Count("left"), incidents.GetValueOrDefault(id));
        }).ToList();
        return TypedResults.Ok(result);
    }
}
