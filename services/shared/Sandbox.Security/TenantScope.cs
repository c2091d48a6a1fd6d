using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Sandbox.Security;

/// <summary>
/// The caller must belong to the tenant of the request: the <c>{tenant}</c> route value, or the
/// tenant id passed as the resource. A platform administrator belongs to every tenant. Without a
/// tenant to compare with, the requirement passes (the role requirements still apply).
/// </summary>
public sealed class TenantScopeRequirement : IAuthorizationRequirement
{
    /// <summary>The route value that names the tenant.</summary>
    public const string RouteValue = "tenant";
}

/// <summary>Implemented by resources that belong to one tenant (a case, a form, a process).</summary>
public interface ITenantOwned
{
    /// <summary>The id of the owning tenant.</summary>
    string TenantId { get; }
}

internal sealed class TenantScopeHandler : AuthorizationHandler<TenantScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantScopeRequirement requirement)
    {
        var tenant = context.Resource switch
        {
            HttpContext http => http.Request.RouteValues[TenantScopeRequirement.RouteValue] as string,
            ITenantOwned owned => owned.TenantId,
            string id => id,
            _ => null,
        };
        if (tenant is null || context.User.BelongsToTenant(tenant))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Tenant checks for code that loads a resource before it knows its tenant.</summary>
public static class TenantScope
{
    /// <summary>The caller's tenant, or null for a token without one.</summary>
    public static string? GetTenant(this ClaimsPrincipal user) => user.FindFirst(SandboxClaims.Tenant)?.Value;

    /// <summary>True for a platform administrator or a token of the given tenant.</summary>
    public static bool BelongsToTenant(this ClaimsPrincipal user, string tenant) =>
        user.HasClaim(SandboxClaims.Role, Roles.PlatformAdmin)
        || string.Equals(user.GetTenant(), tenant, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Evaluates a policy against a resource's tenant, e.g.
    /// <c>if (!(await auth.AuthorizeTenantAsync(user, form.TenantId, Policies.Designer)).Succeeded) return TypedResults.Forbid();</c>
    /// </summary>
    public static Task<AuthorizationResult> AuthorizeTenantAsync(
        this IAuthorizationService authorization, ClaimsPrincipal user, string tenant, string policy) =>
        authorization.AuthorizeAsync(user, tenant, policy);
}
