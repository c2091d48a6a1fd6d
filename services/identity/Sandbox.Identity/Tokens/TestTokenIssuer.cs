using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sandbox.Identity.Data;
using Sandbox.Identity.Hosting;
using Sandbox.Identity.Keys;
using Sandbox.Identity.Login;
using Sandbox.Security;

namespace Sandbox.Identity.Tokens;

/// <summary>What a script asks for: a persona (id or national id) or a staff account (id or user name).</summary>
public sealed record TestTokenRequest(string? Subject, string? Tenant = null, string[]? Scopes = null, int? LifetimeMinutes = null);

/// <summary>Shaped like a token endpoint response, plus the subject.</summary>
public sealed record TestTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("sub")] string Subject);

/// <summary>
/// Signs access tokens without a browser, with the same key, issuer and claims as tokens from the
/// token endpoint, so a service cannot tell them apart. Only reachable when test tokens are enabled.
/// </summary>
public sealed class TestTokenIssuer(IdentityStore db, UserManager<StaffUser> users, PrincipalFactory factory,
    SigningKeyStore keys, SandboxIdentityOptions options, TimeProvider clock)
{
    public const string ClientId = "sandbox-test-tokens";
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>The token, or the reason it cannot be issued (keyed by request field).</summary>
    public async Task<(TestTokenResponse? Token, Dictionary<string, string[]> Errors)> IssueAsync(TestTokenRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var scopes = request.Scopes is { Length: > 0 } s ? s : [.. SandboxIdentityOptions.ApiScopes];
        if (scopes.FirstOrDefault(x => !SandboxIdentityOptions.ApiScopes.Contains(x) && x is not ("openid" or "profile")) is { } unknown)
            errors["scopes"] = [$"Unknown scope '{unknown}'."];
        if (request.LifetimeMinutes is < 1 or > 24 * 60) errors["lifetimeMinutes"] = ["Between 1 and 1440."];
        var identity = await FindAsync(request.Subject, ct);
        if (identity is null) errors["subject"] = [$"No persona or staff user '{request.Subject}'."];
        if (errors.Count > 0 || identity is null) return (null, errors);

        if (request.Tenant is { Length: > 0 } tenant && tenant != identity.FindFirst(SandboxClaims.Tenant)?.Value)
        {
            var isStaff = identity.HasClaim(LoginCookie.KindClaim, LoginCookie.Staff);
            if (!await db.Tenants.AnyAsync(t => t.Id == tenant, ct)) errors["tenant"] = [$"No tenant '{tenant}'."];
            else if (isStaff && !identity.HasClaim(SandboxClaims.Role, Roles.PlatformAdmin)) errors["tenant"] = ["A staff account is bound to its own tenant."];
            if (errors.Count > 0) return (null, errors);
            identity.RemoveClaim(identity.FindFirst(SandboxClaims.Tenant));
            identity.AddClaim(new Claim(SandboxClaims.Tenant, tenant));
        }

        var lifetime = TimeSpan.FromMinutes(request.LifetimeMinutes ?? (int)options.AccessTokenLifetime.TotalMinutes);
        var token = Sign(identity, scopes, lifetime);
        return (new TestTokenResponse(token, "Bearer", (int)lifetime.TotalSeconds, string.Join(' ', scopes), identity.FindFirst("sub")!.Value), errors);
    }

    private string Sign(ClaimsIdentity identity, string[] scopes, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["jti"] = Guid.NewGuid().ToString("n"),
            [SandboxClaims.Scope] = string.Join(' ', scopes),
            [SandboxClaims.ClientId] = ClientId,
        };
        foreach (var group in identity.Claims.Where(c => c.Type != LoginCookie.KindClaim).GroupBy(c => c.Type))
        {
            var values = group.Select(c => c.Type == "amr" ? c.Value.Trim('[', ']', '"') : c.Value).ToList();
            claims[group.Key] = group.Key is "role" or "amr" ? values : values[0];
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            TokenType = "at+jwt",
            Claims = claims,
            SigningCredentials = new SigningCredentials(keys.Current, SecurityAlgorithms.RsaSha256),
        };
        foreach (var audience in scopes.Where(SandboxIdentityOptions.ApiScopes.Contains)) descriptor.Audiences.Add(audience);
        return Handler.CreateToken(descriptor);
    }

    private async Task<ClaimsIdentity?> FindAsync(string? subject, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(subject)) return null;
        var persona = await db.Personas.FirstOrDefaultAsync(p => p.Id == subject || p.NationalId == subject, ct);
        if (persona is not null) return PrincipalFactory.ForPersona(persona, Eids.LevelHigh, "sandbox");
        var staff = await users.FindByIdAsync(subject) ?? await users.FindByNameAsync(subject);
        return staff is null ? null : await factory.ForStaffAsync(staff, "sandbox");
    }
}
