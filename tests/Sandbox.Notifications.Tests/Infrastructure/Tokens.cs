using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sandbox.Security;

namespace Sandbox.Notifications.Tests.Infrastructure;

/// <summary>Access tokens shaped like the identity service's (typ at+jwt, audience notifications), signed by a test key.</summary>
public static class Tokens
{
    public const string Issuer = "http://sandbox.test/identity";

    public static RsaSecurityKey Key { get; } = new(RSA.Create(2048)) { KeyId = "notifications-tests" };

    public static string Citizen(string subject, string tenant = "uppsala") =>
        Create(subject, tenant, Roles.Citizen, new() { [SandboxClaims.NationalId] = "19900101-0017" });

    public static string Designer(string tenant = "uppsala") => Create("designer-1", tenant, Roles.Designer);

    public static string Caseworker(string tenant = "uppsala") => Create("caseworker-1", tenant, Roles.Caseworker);

    public static string Service(string tenant = "uppsala") => Create("case-system", tenant, Roles.Service);

    public static string PlatformAdmin() => Create("admin-1", "uppsala", Roles.PlatformAdmin);

    public static string Create(string subject, string tenant, string role, Dictionary<string, object>? extra = null)
    {
        var claims = new Dictionary<string, object>
        {
            [SandboxClaims.Subject] = subject,
            [SandboxClaims.Tenant] = tenant,
            [SandboxClaims.Role] = role,
        };
        foreach (var (k, v) in extra ?? []) claims[k] = v;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = "notifications",
            Claims = claims,
            TokenType = "at+jwt",
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }
}
