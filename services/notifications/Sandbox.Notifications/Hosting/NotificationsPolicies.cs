using Sandbox.Security;

namespace Sandbox.Notifications.Hosting;

/// <summary>The notifications service's policies, on top of the shared <see cref="Policies"/>.</summary>
public static class NotificationsPolicies
{
    /// <summary>Writes and previews templates: a designer or administrator.</summary>
    public const string TemplateEditor = "notifications-template-editor";

    /// <summary>Reads templates, notifications and the sandbox outbox: staff of a tenant.</summary>
    public const string Staff = "notifications-staff";

    /// <summary>Requests notifications: staff or a machine client of a tenant.</summary>
    public const string Sender = "notifications-sender";

    /// <summary>Only the Dapr sidecar (header <c>dapr-api-token</c> = <c>APP_API_TOKEN</c>) passes.</summary>
    public const string DaprApp = "dapr-app";

    /// <summary>The authentication scheme of <see cref="DaprApp"/>, registered by Dapr.AspNetCore.</summary>
    public const string DaprScheme = "Dapr";

    public static IServiceCollection AddNotificationsPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(TemplateEditor, p => p.RequireAuthenticatedUser().RequireClaim(SandboxClaims.Role, Roles.Designer, Roles.TenantAdmin, Roles.PlatformAdmin))
            .AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireClaim(SandboxClaims.Role, [.. Roles.Staff]))
            .AddPolicy(Sender, p => p.RequireAuthenticatedUser().RequireClaim(SandboxClaims.Role, [.. Roles.Staff, Roles.Service]))
            .AddPolicy(DaprApp, p => p.AddAuthenticationSchemes(DaprScheme).RequireAuthenticatedUser());
        return services;
    }
}
