using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sandbox.Security;
using Sandbox.Workflow.Apis;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Hosting;

namespace Sandbox.Workflow.EServices;

/// <summary><c>/api/workflow/eservices</c>: upload packages, list the catalog, publish and retire versions.</summary>
public static class EServicesApi
{
    public static RouteGroupBuilder MapEServicesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/eservices").WithTags("E-services");
        group.MapPost("/", Upload).RequireAuthorization(Policies.Designer)
            .Accepts<PackageUpload>("application/json", "application/zip", "application/x-zip-compressed", "application/octet-stream")
            .WithSummary("Deploys an e-service package (zip or JSON files map) all or nothing");
        group.MapGet("/", List).AllowAnonymous()
            .WithSummary("The published e-services of a tenant (?tenant= when not signed in); with ?all=true, for designers and "
                + "administrators, every e-service of the tenant with every version");
        group.MapGet("/{id}", Get).AllowAnonymous()
            .WithSummary("One e-service; staff also see every version");
        group.MapPost("/{id}/versions/{version:int}/publish", (string id, int version, ClaimsPrincipal user, WorkflowDb db, CancellationToken ct) =>
            SetStatus(id, version, EServiceStatus.Published, user, db, ct)).RequireAuthorization(WorkflowPolicies.Publisher);
        group.MapPost("/{id}/versions/{version:int}/retire", (string id, int version, ClaimsPrincipal user, WorkflowDb db, CancellationToken ct) =>
            SetStatus(id, version, EServiceStatus.Retired, user, db, ct)).RequireAuthorization(WorkflowPolicies.Publisher);
        return api;
    }

    private static async Task<Results<Created<EServiceVersionView>, Ok<EServiceVersionView>, ValidationProblem, ProblemHttpResult>> Upload(
        HttpRequest request, ClaimsPrincipal user, EServicePublisher publisher, PackageLimits limits, CancellationToken ct)
    {
        if (Problems.Tenant(user) is not { } tenant) return Problems.NoTenant();
        var body = await RequestBodies.ReadAsync(request.Body, limits.MaxUploadBytes, ct);
        if (body is null) return TypedResults.Problem($"The package is larger than {limits.MaxUploadBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
        PackageFiles files;
        try
        {
            files = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() switch
            {
                "application/zip" or "application/x-zip-compressed" or "application/octet-stream" => PackageFiles.FromZip(new MemoryStream(body), limits),
                "application/json" => PackageFiles.FromJson(body, limits),
                _ => throw new PackageFormatException("package", "Send the package as application/zip or as application/json {\"files\": {...}}"),
            };
        }
        catch (PackageFormatException e)
        {
            return Problems.Invalid(e.File, e.Message);
        }

        var authorization = request.Headers.Authorization.ToString();
        var result = await publisher.PublishAsync(files, tenant, user.Subject(), authorization, ct);
        return result.Outcome switch
        {
            PublishOutcome.Created => TypedResults.Created($"/api/workflow/eservices/{result.Row!.EServiceId}", EServiceVersionView.From(result.Row)),
            PublishOutcome.Unchanged => TypedResults.Ok(EServiceVersionView.From(result.Row!)),
            PublishOutcome.Invalid => TypedResults.ValidationProblem(result.Problems.ToDictionary(), title: "The e-service package cannot be deployed"),
            PublishOutcome.Conflict => Problems.Conflict(result.Detail!),
            _ => TypedResults.Problem(result.Detail, statusCode: StatusCodes.Status502BadGateway, title: "A service the package deploys to failed; nothing was published"),
        };
    }

    private static async Task<Results<Ok<List<EServiceView>>, Ok<List<EServiceDetail>>, ValidationProblem, ProblemHttpResult>> List(
        ClaimsPrincipal user, WorkflowDb db, string? tenant, bool? all, CancellationToken ct)
    {
        var scope = TenantOf(user, tenant);
        if (all is true)
        {
            if (scope is null || !IsDesignerOf(user, scope))
                return TypedResults.Problem("Only designers and administrators of the tenant list every e-service", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
            return TypedResults.Ok(await ListAllAsync(db, scope, ct));
        }
        if (scope is null) return Problems.Invalid("tenant", "Name the tenant (?tenant=) or sign in");
        var rows = await db.Set<EServiceRow>().AsNoTracking()
            .Where(r => r.Tenant == scope && r.Status == EServiceStatus.Published).ToListAsync(ct);
        var newest = rows.GroupBy(r => r.EServiceId).Select(g => g.MaxBy(r => r.Version)!).OrderBy(r => r.EServiceId, StringComparer.Ordinal);
        return TypedResults.Ok(newest.Select(EServiceView.From).ToList());
    }

    // Every e-service with its newest published version (if any) and every version, newest first, whatever its status.
    private static async Task<List<EServiceDetail>> ListAllAsync(WorkflowDb db, string tenant, CancellationToken ct)
    {
        var rows = await db.Set<EServiceRow>().AsNoTracking().Where(r => r.Tenant == tenant).ToListAsync(ct);
        return rows.GroupBy(r => r.EServiceId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new EServiceDetail(g.Key,
            g.Where(r => r.Status == EServiceStatus.Published).MaxBy(r => r.Version) is { } current ? EServiceView.From(current) : null,
            g.OrderByDescending(r => r.Version).Select(EServiceVersionView.From).ToList())).ToList();
    }

    private static async Task<Results<Ok<EServiceDetail>, NotFound, ValidationProblem>> Get(
        string id, ClaimsPrincipal user, WorkflowDb db, string? tenant, CancellationToken ct)
    {
        if (TenantOf(user, tenant) is not { } scope) return Problems.Invalid("tenant", "Name the tenant (?tenant=) or sign in");
        var rows = await db.Set<EServiceRow>().AsNoTracking().Where(r => r.Tenant == scope && r.EServiceId == id).ToListAsync(ct);
        var current = rows.Where(r => r.Status == EServiceStatus.Published).MaxBy(r => r.Version);
        var staff = IsStaffOf(user, scope);
        if (rows.Count == 0 || (current is null && !staff)) return TypedResults.NotFound();
        var versions = staff ? rows.OrderByDescending(r => r.Version).Select(EServiceVersionView.From).ToList() : null;
        return TypedResults.Ok(new EServiceDetail(id, current is null ? null : EServiceView.From(current), versions));
    }

    private static async Task<Results<Ok<EServiceView>, ProblemHttpResult>> SetStatus(
        string id, int version, string status, ClaimsPrincipal user, WorkflowDb db, CancellationToken ct)
    {
        if (Problems.Tenant(user) is not { } tenant) return Problems.NoTenant();
        var row = await db.Set<EServiceRow>().SingleOrDefaultAsync(r => r.Tenant == tenant && r.EServiceId == id && r.Version == version, ct);
        if (row is null) return Problems.NotFound($"E-service {id} has no version {version}");
        row.Status = status;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(EServiceView.From(row));
    }

    // Signed-in callers see their own tenant (a platform administrator may name another); anonymous callers name one.
    private static string? TenantOf(ClaimsPrincipal user, string? requested)
    {
        var own = user.Identity?.IsAuthenticated == true ? user.GetTenant() : null;
        var named = string.IsNullOrWhiteSpace(requested) ? null : requested.Trim();
        if (named is not null && (own is null || user.HasClaim(SandboxClaims.Role, Roles.PlatformAdmin))) return named;
        return own;
    }

    private static bool IsStaffOf(ClaimsPrincipal user, string tenant) =>
        user.Identity?.IsAuthenticated == true && user.BelongsToTenant(tenant)
        && Roles.Staff.Any(role => user.HasClaim(SandboxClaims.Role, role));

    // Those who keep the catalog: designers and administrators of the tenant (a platform administrator of any).
    private static bool IsDesignerOf(ClaimsPrincipal user, string tenant) =>
        user.Identity?.IsAuthenticated == true && user.BelongsToTenant(tenant)
        && new[] { Roles.Designer, Roles.TenantAdmin, Roles.PlatformAdmin }.Any(role => user.HasClaim(SandboxClaims.Role, role));
}

/// <summary>The JSON form of a package upload: relative path → file text.</summary>
public sealed record PackageUpload(IReadOnlyDictionary<string, string> Files);
