using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sandbox.Security;

namespace Sandbox.Forms.Tests.Infrastructure;

/// <summary>Access tokens shaped like the identity service's (typ at+jwt, audience forms), signed by a test key.</summary>
public static class Tokens
{
    public const string Issuer = "http://sandbox.test/identity";

    public static RsaSecurityKey Key { get; } = new(RSA.Create(2048)) { KeyId = "forms-tests" };

    public static string Citizen(string subject, string tenant = "uppsala") =>
        Create(subject, tenant, Roles.Citizen, new() { [SandboxClaims.NationalId] = "19900101-0017" });

    public static string Designer(string subject = "designer-1", string tenant = "uppsala") => Create(subject, tenant, Roles.Designer);

    public static string Caseworker(string subject = "caseworker-1", string tenant = "uppsala") => Create(subject, tenant, Roles.Caseworker);

    public static string Create(string subject, string tenant, string role, Dictionary<string, object>? extra = null, string audience = "forms")
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
            Audience = audience,
            Claims = claims,
            TokenType = "at+jwt",
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }
}
