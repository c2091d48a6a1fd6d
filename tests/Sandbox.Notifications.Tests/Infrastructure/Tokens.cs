using Microsoft.IdentityModel.Tokens;
using Sandbox.Security;
using Sandbox.Testing;

namespace Sandbox.Notifications.Tests.Infrastructure;

/// <summary>Access tokens shaped like the identity service's (typ at+jwt, audience notifications), signed by a test key.</summary>
public static class Tokens
{
    private static readonly AccessTokens Shared = new("notifications", "notifications-tests");

    public const string Issuer = AccessTokens.Issuer;

    public static RsaSecurityKey Key => Shared.Key;

    public static string Citizen(string subject, string tenant = "uppsala") => Shared.Citizen(subject, tenant);

    public static string Designer(string tenant = "uppsala") => Create("designer-1", tenant, Roles.Designer);

    public static string Caseworker(string tenant = "uppsala") => Create("caseworker-1", tenant, Roles.Caseworker);

    public static string Service(string tenant = "uppsala") => Create("case-system", tenant, Roles.Service);

    public static string PlatformAdmin() => Create("admin-1", "uppsala", Roles.PlatformAdmin);

    public static string Create(string subject, string tenant, string role, Dictionary<string, object>? extra = null) =>
        Shared.Create(subject, tenant, role, extra);
}
