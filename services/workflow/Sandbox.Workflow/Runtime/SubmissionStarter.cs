using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.EServices;
using Sandbox.Workflow.Events;

namespace Sandbox.Workflow.Runtime;

/// <summary>What a <c>submission-received</c> event led to.</summary>
public enum SubmissionOutcome
{
    /// <summary>An instance was started.</summary>
    Started,
    /// <summary>The submission had started an instance already (a redelivery).</summary>
    AlreadyStarted,
    /// <summary>No published e-service starts on the form: nothing to do.</summary>
    NoEService,
    /// <summary>The event lacks a field the start needs, or its e-service names a process version that is not deployed.</summary>
    Unusable,
}

/// <summary>
/// Starts the process an e-service links to a submitted form. The submission id is unique per tenant among the
/// instances, so a redelivered event (or two deliveries at once) starts one instance only.
/// </summary>
public sealed class SubmissionStarter(WorkflowDb db, InstanceRunner runner, IEServiceCatalog catalog, ILogger<SubmissionStarter> logger)
{
    public async Task<(SubmissionOutcome Outcome, string? InstanceId)> StartAsync(SubmissionReceived submission, CancellationToken ct)
    {
        if (submission is not { SubmissionId: { Length: > 0 } id, TenantId: { Length: > 0 } tenant, FormId: { Length: > 0 } formId })
            return (SubmissionOutcome.Unusable, null);
        if (await ExistingAsync(tenant, id, ct) is { } existing) return (SubmissionOutcome.AlreadyStarted, existing);
        var start = await catalog.FindStartAsync(tenant, formId, ct);
        if (start is null) return (SubmissionOutcome.NoEService, null);
        var definition = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Tenant == tenant
            && d.BpmnProcessId == start.BpmnProcessId && d.Version == start.ProcessVersion, ct);
        if (definition is null)
        {
            logger.LogError("E-service {EServiceId} v{EServiceVersion} names process {BpmnProcessId} v{ProcessVersion}, which tenant {Tenant} has not deployed",
                start.EServiceId, start.EServiceVersion, start.BpmnProcessId, start.ProcessVersion, tenant);
            return (SubmissionOutcome.Unusable, null);
        }
        var metadata = new InstanceMetadata(submission.Subject, id, submission.Reference, start.EServiceId, start.EServiceVersion);
        try
        {
            var row = await runner.StartAsync(definition, Variables(submission, start), ct, metadata: metadata);
            return (SubmissionOutcome.Started, row.Id);
        }
        catch (DbUpdateException)
        {
            // Another delivery of the same event started it at the same time: the unique index refused this one.
            if (await ExistingAsync(tenant, id, CancellationToken.None) is { } other) return (SubmissionOutcome.AlreadyStarted, other);
            throw;
        }
    }

    /// <summary>The form data, then the e-service's variables (they win over a field of the same name), then <c>submission</c>.</summary>
    public static JsonObject Variables(SubmissionReceived submission, EServiceStart start)
    {
        var variables = (JsonObject?)submission.Data?.DeepClone() ?? [];
        foreach (var (name, value) in start.Variables) variables[name] = value?.DeepClone();
        variables["submission"] = new JsonObject
        {
            ["id"] = submission.SubmissionId,
            ["reference"] = submission.Reference,
            ["submittedAt"] = submission.SubmittedAt.ToUniversalTime().ToString("O"),
            ["attachments"] = submission.Attachments?.DeepClone() ?? new JsonArray(),
        };
        if (submission.Language is { Length: > 0 } language && !variables.ContainsKey("language")) variables["language"] = language;
        return variables;
    }

    private async Task<string?> ExistingAsync(string tenant, string submissionId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Instances.AsNoTracking().Where(i => i.Tenant == tenant && i.SubmissionId == submissionId && i.ParentInstanceId == null)
            .Select(i => i.Id).FirstOrDefaultAsync(ct);
    }
}
