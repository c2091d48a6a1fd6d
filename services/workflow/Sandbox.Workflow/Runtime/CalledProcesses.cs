using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.Model;

namespace Sandbox.Workflow.Runtime;

/// <summary>
/// Finds the process a call activity calls: the latest version deployed in the tenant of the instance being
/// stepped. The engine asks without a tenant, so the runner names it for the step with <see cref="For"/>.
/// </summary>
public sealed class CalledProcesses(IServiceScopeFactory scopes, IServiceProvider services) : IProcessResolver
{
    private static readonly AsyncLocal<string?> CurrentTenant = new();

    /// <summary>Names the tenant whose processes call activities find until the result is disposed.</summary>
    public static IDisposable For(string tenant)
    {
        var before = CurrentTenant.Value;
        CurrentTenant.Value = tenant;
        return new Restore(before);
    }

    /// <summary>The latest version of <paramref name="processId"/> in <paramref name="tenant"/>, or null.</summary>
    public static Task<ProcessDefinitionRow?> LatestAsync(WorkflowDb db, string tenant, string processId, CancellationToken ct) =>
        db.Definitions.AsNoTracking().Where(d => d.Tenant == tenant && d.BpmnProcessId == processId)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);

    /// <inheritdoc />
    public ProcessDefinition? Find(string processId)
    {
        var tenant = CurrentTenant.Value ?? throw new InvalidOperationException("A call activity was stepped without a tenant.");
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var row = db.Definitions.AsNoTracking().Where(d => d.Tenant == tenant && d.BpmnProcessId == processId)
            .OrderByDescending(d => d.Version).FirstOrDefault();
        if (row is null) return null;
        var definition = services.GetRequiredService<DefinitionCache>().Get(row);
        // A called process starts at its none start event; one without it cannot be called.
        return definition.Root.StartEvents.Any(s => s.Trigger == EventTrigger.None) ? definition : null;
    }

    private sealed class Restore(string? before) : IDisposable
    {
        public void Dispose() => CurrentTenant.Value = before;
    }
}
