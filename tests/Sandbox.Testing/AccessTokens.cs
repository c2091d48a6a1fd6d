using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sandbox.Security;

namespace Sandbox.Testing;

/// <summary>
/// Access tokens shaped like the identity service's (typ at+jwt, sub, tenant, role, ten minutes), signed by a key of
/// the tests' own that the service under test is told to trust.
/// </summary>
public sealed class AccessTokens(string defaultAudience, string keyId)
{
    /// <summary>The issuer the tokens name.</summary>
    public const string Issuer = "http://sandbox.test/identity";

    /// <summary>The signing key.</summary>
    public RsaSecurityKey Key { get; } = new(RSA.Create(2048)) { KeyId = keyId };

    /// <summary>A citizen's token, with a national id.</summary>
    public string Citizen(string subject, string tenant) =>
        Create(subject, tenant, Roles.Citizen, new() { [SandboxClaims.NationalId] = "19900101-0017" });

    /// <summary>A token with the given claims, for the audience given here or else the default one.</summary>
    public string Create(string subject, string tenant, string role, Dictionary<string, object>? extra = null, string? audience = null)
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
            Audience = audience ?? defaultAudience,
            Claims = claims,
            TokenType = "at+jwt",
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }
}
