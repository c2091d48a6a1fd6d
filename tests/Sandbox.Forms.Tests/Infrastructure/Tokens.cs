using Microsoft.IdentityModel.Tokens;
using Sandbox.Security;
using Sandbox.Testing;

namespace Sandbox.Forms.Tests.Infrastructure;

/// <summary>Access tokens shaped like the identity service's (typ at+jwt, audience forms), signed by a test key.</summary>
public static class Tokens
{
    private static readonly AccessTokens Shared = new("forms", "forms-tests");

    public const string Issuer = AccessTokens.Issuer;

    public static RsaSecurityKey Key => Shared.Key;

    public static string Citizen(string subject, string tenant = "uppsala") => Shared.Citizen(subject, tenant);

    public static string Designer(string subject = "designer-1", string tenant = "uppsala") => Create(subject, tenant, Roles.Designer);

    public static string Caseworker(string subject = "caseworker-1", string tenant = "uppsala") => Create(subject, tenant, Roles.Caseworker);

    public static string Create(string subject, string tenant, string role, Dictionary<string, object>? extra = null, string audience = "forms") =>
        Shared.Create(subject, tenant, role, extra, audience);
}
