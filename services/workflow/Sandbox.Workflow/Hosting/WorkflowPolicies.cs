using System.Security.Claims;
using Sandbox.Security;

namespace Sandbox.Workflow.Hosting;

/// <summary>The workflow service's own policies, on top of the shared <see cref="Policies"/>.</summary>
public static class WorkflowPolicies
{
    /// <summary>Staff of a tenant, or its machine clients: may start instances and read them.</summary>
    public const string Operator = "workflow-operator";

    /// <summary>A job worker: a machine client (role <c>service</c>) or an administrator.</summary>
    public const string Worker = "workflow-worker";

    /// <summary>Works on user tasks of the tenant: a caseworker, or a tenant administrator (the team lead tasks escalate to).</summary>
    public const string TaskHandler = "workflow-task-handler";

    /// <summary>Publishes and retires e-service versions of the tenant: a designer, or a tenant administrator.</summary>
    public const string Publisher = "workflow-publisher";

    /// <summary>May move the sandbox clock: a designer or an administrator.</summary>
    public const string ClockKeeper = "workflow-clock-keeper";

    public static IServiceCollection AddWorkflowPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Operator, p => p.RequireAuthenticatedUser().RequireClaim(SandboxClaims.Role, [.. Roles.Staff, Roles.Service]))
            .AddPolicy(Worker, p => p.RequireAuthenticatedUser().RequireClaim(SandboxClaims.Role, Roles.Service, Roles.TenantAdmin, Roles.PlatformAdmin))
            .AddPolicy(TaskHandler, p => p.RequireAuthenticatedUser().RequireClaim(SandboxClaims.Role, Roles.Caseworker, Roles.TenantAdmin)
                .AddRequirements(new TenantScopeRequirement()))
            .AddPolicy(Publisher, p => p.RequireAuthenticatedUser().RequireClaim(SandboxClaims.Role, Roles.Designer, Roles.TenantAdmin)
                .AddRequirements(new TenantScopeRequirement()))
            .AddPolicy(ClockKeeper, p => p.RequireAuthenticatedUser().RequireClaim(SandboxClaims.Role, Roles.Designer, Roles.TenantAdmin, Roles.PlatformAdmin));
        return services;
    }

    /// <summary>The groups a user task's candidate groups are matched with: the caller's roles and <c>groups</c> claims.</summary>
    public static IReadOnlySet<string> Groups(this ClaimsPrincipal user) =>
        user.FindAll(SandboxClaims.Role).Concat(user.FindAll("groups")).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static string Subject(this ClaimsPrincipal user) => user.FindFirst(SandboxClaims.Subject)?.Value ?? "";
}
