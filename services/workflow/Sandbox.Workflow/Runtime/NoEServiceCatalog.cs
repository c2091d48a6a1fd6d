using Sandbox.Workflow.EServices;

namespace Sandbox.Workflow.Runtime;

/// <summary>The catalog when no e-service is published: no form starts a process and every job is pulled by workers.</summary>
internal sealed class NoEServiceCatalog : IEServiceCatalog
{
    public Task<EServiceStart?> FindStartAsync(string tenantId, string formId, CancellationToken ct) => Task.FromResult<EServiceStart?>(null);

    public Task<JobRoute?> FindJobRouteAsync(string tenantId, string bpmnProcessId, string jobType, CancellationToken ct) =>
        Task.FromResult<JobRoute?>(null);
}
