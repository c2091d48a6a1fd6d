using Microsoft.AspNetCore.Authorization;

namespace Sandbox.Security;

/// <summary>
/// Authorization policy names shared by every service. Use them as
/// <c>.RequireAuthorization(Policies.Caseworker)</c>. Every staff policy is tenant scoped: when the
/// endpoint has a <c>{tenant}</c> route value, a token of another tenant gets 403 (a platform admin
/// passes). A tenant found only on a loaded resource is checked with
/// <see cref="TenantScope.AuthorizeTenantAsync"/>.
/// </summary>
public static class Policies
{
    /// <summary>A signed-in citizen (role <c>citizen</c> with a national id).</summary>
    public const string Citizen = "sandbox-citizen";

    /// <summary>A caseworker of the tenant in the route.</summary>
    public const string Caseworker = "sandbox-caseworker";

    /// <summary>An e-service designer of the tenant in the route.</summary>
    public const string Designer = "sandbox-designer";

    /// <summary>A tenant administrator of the tenant in the route, or a platform administrator.</summary>
    public const string TenantAdmin = "sandbox-tenant-admin";

    /// <summary>A platform administrator.</summary>
    public const string PlatformAdmin = "sandbox-platform-admin";

    /// <summary>Any caller whose token belongs to the tenant in the route (or a platform administrator).</summary>
    public const string SameTenant = "sandbox-same-tenant";

    /// <summary>Registers every policy above.</summary>
    public static AuthorizationBuilder AddSandboxPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Citizen, p => p.RequireAuthenticatedUser()
            .RequireClaim(SandboxClaims.Role, Roles.Citizen)
            .RequireClaim(SandboxClaims.NationalId))
        .AddPolicy(Caseworker, p => Staff(p, Roles.Caseworker))
        .AddPolicy(Designer, p => Staff(p, Roles.Designer))
        .AddPolicy(TenantAdmin, p => Staff(p, Roles.TenantAdmin, Roles.PlatformAdmin))
        .AddPolicy(PlatformAdmin, p => p.RequireAuthenticatedUser().RequireClaim(SandboxClaims.Role, Roles.PlatformAdmin))
        .AddPolicy(SameTenant, p => p.RequireAuthenticatedUser().AddRequirements(new TenantScopeRequirement()));

    private static void Staff(AuthorizationPolicyBuilder policy, params string[] roles) => policy
        .RequireAuthenticatedUser()
        .RequireClaim(SandboxClaims.Role, roles)
        .AddRequirements(new TenantScopeRequirement());
}
