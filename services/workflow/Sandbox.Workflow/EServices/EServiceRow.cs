using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Sandbox.Workflow.EServices;

/// <summary>One version of an e-service of a tenant: what its package declared, and the process it deployed.</summary>
[Index(nameof(Tenant), nameof(EServiceId), nameof(Version), IsUnique = true)]
[Index(nameof(Tenant), nameof(StartForm), nameof(Status))]
public sealed class EServiceRow
{
    public long Id { get; set; }
    [MaxLength(64)] public string Tenant { get; set; } = "";
    [MaxLength(64)] public string EServiceId { get; set; } = "";
    public int Version { get; set; }
    /// <summary>The <c>version</c> written in eservice.yaml, if any (the stored version is counted by the service).</summary>
    [MaxLength(64)] public string? DeclaredVersion { get; set; }
    /// <summary>SHA-256 of the package files: the same content keeps its version.</summary>
    [MaxLength(64)] public string ContentHash { get; set; } = "";
    [MaxLength(16)] public string Status { get; set; } = EServiceStatus.Published;
    public string NamesJson { get; set; } = "{}";
    public string DescriptionsJson { get; set; } = "{}";
    [MaxLength(256)] public string StartForm { get; set; } = "";
    [MaxLength(256)] public string BpmnProcessId { get; set; } = "";
    public int ProcessVersion { get; set; }
    /// <summary>Job type → <c>{app, method}</c>.</summary>
    public string JobsJson { get; set; } = "{}";
    /// <summary>The package variables merged with those of this row's tenant.</summary>
    public string VariablesJson { get; set; } = "{}";
    /// <summary>Form ids and template ids the package deployed.</summary>
    public string FormsJson { get; set; } = "[]";
    public string TemplatesJson { get; set; } = "[]";
    [MaxLength(256)] public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>Whether a version is offered: only published versions start instances and are listed.</summary>
public static class EServiceStatus
{
    public const string Published = "published";
    public const string Retired = "retired";
}
