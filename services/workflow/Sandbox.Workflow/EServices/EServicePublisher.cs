using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;

namespace Sandbox.Workflow.EServices;

/// <summary>How an upload ended.</summary>
public enum PublishOutcome
{
    /// <summary>A new version was stored.</summary>
    Created,
    /// <summary>The same content was stored before: its version is returned.</summary>
    Unchanged,
    /// <summary>The package is at fault; see the problems.</summary>
    Invalid,
    /// <summary>A service a part goes to failed; nothing was published.</summary>
    DownstreamFailed,
    /// <summary>Another upload of the same e-service won the race.</summary>
    Conflict,
}

/// <summary>The outcome, the stored row when there is one, and why it failed otherwise.</summary>
public sealed record PublishResult(PublishOutcome Outcome, EServiceRow? Row, PackageProblems Problems, string? Detail = null);

/// <summary>
/// Deploys a package all or nothing: every part is checked first; then forms and templates go to their services;
/// only when all of them are taken are the process version and the catalog row stored, in one transaction.
/// </summary>
public sealed class EServicePublisher(PackageValidator validator, IPackageTargets targets, WorkflowDb db, TimeProvider clock,
    ILogger<EServicePublisher> logger)
{
    /// <summary>Publishes <paramref name="files"/> in <paramref name="tenant"/> on behalf of the caller.</summary>
    public async Task<PublishResult> PublishAsync(PackageFiles files, string tenant, string caller, string authorization, CancellationToken ct)
    {
        using var activity = Telemetry.Source.StartActivity("eservices publish")?.SetTag("sandbox.tenant", tenant);
        var problems = new PackageProblems();
        if (validator.Validate(files, tenant, problems) is not { } package)
        {
            activity?.SetTag("sandbox.eservice.outcome", nameof(PublishOutcome.Invalid));
            return new(PublishOutcome.Invalid, null, problems);
        }
        activity?.SetTag("sandbox.eservice", package.Manifest.Id);

        // Parts are sent again even for known content: both services keep the version of the same content.
        foreach (var form in package.Forms)
        {
            var result = await targets.PublishFormAsync(form, authorization, ct);
            if (Failed(result, form.File, problems) is { } failure) return failure;
        }
        foreach (var template in package.Templates)
        {
            var result = await targets.PutTemplateAsync(template, authorization, ct);
            if (Failed(result, template.File, problems) is { } failure) return failure;
        }

        var id = package.Manifest.Id;
        var known = await db.Set<EServiceRow>().Where(r => r.Tenant == tenant && r.EServiceId == id)
            .OrderByDescending(r => r.Version).ToListAsync(ct);
        if (known.FirstOrDefault(r => r.ContentHash == package.ContentHash) is { } same) return new(PublishOutcome.Unchanged, same, problems);

        var definition = await ProcessRowAsync(tenant, package, ct);
        var row = NewRow(tenant, caller, package, definition, (known.FirstOrDefault()?.Version ?? 0) + 1);
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            logger.LogWarning(e, "E-service {EServiceId} of {Tenant} was published concurrently", id, tenant);
            return new(PublishOutcome.Conflict, null, problems, "Another upload of the same e-service happened at the same time; upload again");
        }
        logger.LogInformation("E-service {EServiceId} version {Version} published in {Tenant}", id, row.Version, tenant);
        return new(PublishOutcome.Created, row, problems);
    }

    private static PublishResult? Failed(TargetResult result, string file, PackageProblems problems)
    {
        if (result.Succeeded) return null;
        if (result.Rejected)
        {
            problems.Add(file, result.Detail ?? "The service refused the file");
            return new(PublishOutcome.Invalid, null, problems);
        }
        return new(PublishOutcome.DownstreamFailed, null, problems, $"{file}: {result.Detail}");
    }

    // The same BPMN text as the latest version keeps that version, as a deployment through the processes API does.
    private async Task<ProcessDefinitionRow> ProcessRowAsync(string tenant, EServicePackage package, CancellationToken ct)
    {
        var processId = package.Process.Id;
        var latest = await db.Definitions.Where(d => d.Tenant == tenant && d.BpmnProcessId == processId)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        if (latest is not null && latest.Xml == package.ProcessXml) return latest;
        var row = new ProcessDefinitionRow
        {
            Tenant = tenant, BpmnProcessId = processId, Version = (latest?.Version ?? 0) + 1,
            Name = package.Process.Name, Xml = package.ProcessXml, DeployedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Definitions.Add(row);
        return row;
    }

    private EServiceRow NewRow(string tenant, string caller, EServicePackage package, ProcessDefinitionRow definition, int version)
    {
        var manifest = package.Manifest;
        return new EServiceRow
        {
            Tenant = tenant, EServiceId = manifest.Id, Version = version, DeclaredVersion = manifest.Version,
            ContentHash = package.ContentHash, Status = EServiceStatus.Published,
            NamesJson = JsonSerializer.Serialize(manifest.Names), DescriptionsJson = JsonSerializer.Serialize(manifest.Descriptions),
            StartForm = manifest.StartForm, BpmnProcessId = definition.BpmnProcessId, ProcessVersion = definition.Version,
            JobsJson = JsonSerializer.Serialize(manifest.Jobs.ToDictionary(j => j.Key, j => new { app = j.Value.AppId, method = j.Value.Method })),
            VariablesJson = manifest.VariablesFor(tenant).ToJsonString(),
            FormsJson = JsonSerializer.Serialize(package.Forms.Select(f => f.FormId)),
            TemplatesJson = JsonSerializer.Serialize(package.Templates.Select(t => t.Id)),
            CreatedBy = caller, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
    }
}
