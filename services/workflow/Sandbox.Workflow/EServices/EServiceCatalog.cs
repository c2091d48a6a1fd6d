using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Runtime;

namespace Sandbox.Workflow.EServices;

/// <summary>The catalog over the workflow store: the newest published version wins.</summary>
public sealed class EServiceCatalog(WorkflowDb db) : IEServiceCatalog, IEServiceNames
{
    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>?> FindNamesAsync(string tenantId, string eserviceId, int version, CancellationToken ct)
    {
        var json = await db.Set<EServiceRow>().AsNoTracking()
            .Where(r => r.Tenant == tenantId && r.EServiceId == eserviceId && r.Version == version)
            .Select(r => r.NamesJson).FirstOrDefaultAsync(ct);
        return json is null ? null : EServiceView.Map(json);
    }

    /// <inheritdoc />
    public async Task<EServiceStart?> FindStartAsync(string tenantId, string formId, CancellationToken ct)
    {
        var row = await db.Set<EServiceRow>().AsNoTracking()
            .Where(r => r.Tenant == tenantId && r.StartForm == formId && r.Status == EServiceStatus.Published)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        return row is null ? null : new EServiceStart(row.EServiceId, row.Version, row.BpmnProcessId, row.ProcessVersion,
            JsonNode.Parse(row.VariablesJson) as JsonObject ?? []);
    }

    /// <inheritdoc />
    /// <remarks>Instances of a retired version still run, so a retired row routes too when no published one names the process.</remarks>
    public async Task<JobRoute?> FindJobRouteAsync(string tenantId, string bpmnProcessId, string jobType, CancellationToken ct)
    {
        var rows = await db.Set<EServiceRow>().AsNoTracking()
            .Where(r => r.Tenant == tenantId && r.BpmnProcessId == bpmnProcessId)
            .OrderByDescending(r => r.Status == EServiceStatus.Published).ThenByDescending(r => r.Id)
            .Select(r => r.JobsJson).Take(1).ToListAsync(ct);
        if (rows.Count == 0) return null;
        var jobs = JsonSerializer.Deserialize<Dictionary<string, JobRouteJson>>(rows[0]) ?? [];
        return jobs.TryGetValue(jobType, out var route) ? new JobRoute(route.App, route.Method) : null;
    }

    private sealed record JobRouteJson(
        [property: System.Text.Json.Serialization.JsonPropertyName("app")] string App,
        [property: System.Text.Json.Serialization.JsonPropertyName("method")] string Method);
}
