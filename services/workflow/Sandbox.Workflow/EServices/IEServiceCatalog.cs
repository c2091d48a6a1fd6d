using System.Text.Json.Nodes;

namespace Sandbox.Workflow.EServices;

/// <summary>What a submission of an e-service's start form starts: the published e-service version,
/// its BPMN process and the start variables (package <c>variables</c> merged with the tenant's).</summary>
/// <param name="EServiceId">The e-service id from <c>eservice.yaml</c>.</param>
/// <param name="EServiceVersion">The published e-service version.</param>
/// <param name="BpmnProcessId">The BPMN process id to start.</param>
/// <param name="ProcessVersion">The deployed process version to start.</param>
/// <param name="Variables">Start variables of the package for this tenant.</param>
public sealed record EServiceStart(string EServiceId, int EServiceVersion, string BpmnProcessId, int ProcessVersion, JsonObject Variables);

/// <summary>Where a job of a mapped type is pushed: Dapr app id and method.</summary>
/// <param name="AppId">The Dapr app id of the worker.</param>
/// <param name="Method">The method (path) invoked on that app.</param>
public sealed record JobRoute(string AppId, string Method);

/// <summary>Looks up published e-services for the runtime.</summary>
public interface IEServiceCatalog
{
    /// <summary>The published e-service whose start form is <paramref name="formId"/> in the tenant, or null.</summary>
    Task<EServiceStart?> FindStartAsync(string tenantId, string formId, CancellationToken ct);

    /// <summary>The push route of a job type for a process of the tenant, or null (the job stays pull-mode).</summary>
    Task<JobRoute?> FindJobRouteAsync(string tenantId, string bpmnProcessId, string jobType, CancellationToken ct);
}
