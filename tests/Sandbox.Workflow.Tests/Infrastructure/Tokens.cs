using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sandbox.Security;

namespace Sandbox.Workflow.Tests.Infrastructure;

/// <summary>
/// Access tokens shaped as the identity service issues them (typ at+jwt, audience workflow, sub, tenant, role),
/// signed with a key of the tests' own that the app under test is told to trust.
/// </summary>
public static class Tokens
{
    public const string Issuer = "http://127.0.0.1:9/identity";
    public static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "workflow-tests" };

    public static string Create(string subject, string? tenant, string[] roles, string[]? groups = null, string audience = "workflow",
        string? nationalId = null)
    {
        var claims = new Dictionary<string, object> { [SandboxClaims.Subject] = subject, [SandboxClaims.Role] = roles };
        if (nationalId is not null) claims[SandboxClaims.NationalId] = nationalId;
        if (tenant is not null) claims[SandboxClaims.Tenant] = tenant;
        if (groups is not null) claims["groups"] = groups;
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now.AddMinutes(-1),
            Expires = now.AddMinutes(30),
            TokenType = "at+jwt",
            Claims = claims,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }
}
