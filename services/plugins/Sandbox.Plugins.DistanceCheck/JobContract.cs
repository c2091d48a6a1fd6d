using System.Text.Json.Nodes;

namespace Sandbox.Plugins.DistanceCheck;

/// <summary>A job the workflow service pushes to this plugin (see README, "The push contract").</summary>
/// <param name="Key">The job key; the same key can arrive again when an earlier answer was lost.</param>
/// <param name="Type">The job type from the BPMN task, here <c>distance-check</c>.</param>
/// <param name="ProcessInstanceId">The process instance the job belongs to.</param>
/// <param name="BpmnProcessId">The BPMN process id.</param>
/// <param name="ElementId">The BPMN element id of the task.</param>
/// <param name="TenantId">The municipality the instance runs for.</param>
/// <param name="Retries">Retries left; 1 means this is the last attempt.</param>
/// <param name="Variables">The process variables the task sees.</param>
/// <param name="CustomHeaders">The task's <c>zeebe:taskHeaders</c>.</param>
public sealed record JobRequest(
    long Key, string Type, string ProcessInstanceId, string BpmnProcessId, string ElementId, string TenantId,
    int Retries, JsonObject? Variables, Dictionary<string, string>? CustomHeaders);

/// <summary>200: the job is done; <paramref name="Variables"/> are merged into the process.</summary>
public sealed record JobCompleted(JsonObject Variables);

/// <summary>422: a business error the process can catch with an error boundary event of <paramref name="ErrorCode"/>.</summary>
public sealed record JobError(string ErrorCode, string? ErrorMessage);
