using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Sandbox.Security;

namespace Sandbox.Portal.Security;

/// <summary>
/// The portal trusts the bearer token the gateway forwards (audience <c>portal</c>). A page that needs
/// a signed-in user sends an anonymous browser to the gateway's <c>/signin</c>; a user without the
/// role gets the friendly 403 page.
/// </summary>
public static class PortalSecurity
{
    /// <summary>Citizens: my applications, cases and messages.</summary>
    public const string Citizen = Policies.Citizen;

    /// <summary>Caseworkers (and team leads, who are tenant admins): the inbox.</summary>
    public const string Caseworker = "portal-caseworker";

    /// <summary>Designers and administrators: e-services, diagrams, the sandbox clock and outbox.</summary>
    public const string Designer = "portal-designer";

    /// <summary>Authentication, the portal's policies and the page conventions per folder.</summary>
    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder)
    {
        builder.AddSandboxAuthentication("portal");
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Caseworker, p => p.RequireAuthenticatedUser().RequireClaim(SandboxClaims.Role, Roles.Caseworker, Roles.TenantAdmin))
            .AddPolicy(Designer, p => p.RequireAuthenticatedUser().RequireClaim(SandboxClaims.Role, Roles.Designer, Roles.TenantAdmin, Roles.PlatformAdmin));
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, SignInRedirectHandler>();
        return builder;
    }

    /// <summary>The gateway path that starts a sign-in and comes back to <paramref name="returnUrl"/>.</summary>
    public static string SignInUrl(string returnUrl) => "/signin?returnUrl=" + Uri.EscapeDataString(returnUrl);

    /// <summary>The user's roles as a set.</summary>
    public static IReadOnlySet<string> RolesOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindAll(SandboxClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
}

/// <summary>Challenge → redirect to the gateway's sign-in; forbid → 403 rendered by the error page.</summary>
internal sealed class SignInRedirectHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            context.Response.Redirect(PortalSecurity.SignInUrl(context.Request.Path + context.Request.QueryString));
            return Task.CompletedTask;
        }
        if (authorizeResult.Forbidden)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        return fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
