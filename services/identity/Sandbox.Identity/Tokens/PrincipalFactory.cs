using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using Sandbox.Identity.Data;
using Sandbox.Identity.Hosting;
using Sandbox.Identity.Login;
using Sandbox.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.Identity.Tokens;

/// <summary>Builds the claims of issued tokens from the current persona or staff account.</summary>
public sealed class PrincipalFactory(IdentityStore db, UserManager<StaffUser> users)
{
    /// <summary>The login cookie principal, or the principal stored in a code or refresh token, made current.</summary>
    public async Task<ClaimsPrincipal?> ReloadAsync(ClaimsPrincipal login, IEnumerable<string> scopes)
    {
        var subject = login.FindFirstValue(Claims.Subject);
        var acr = login.FindFirstValue("acr") ?? Eids.LevelLow;
        // The cookie holds the method; a code or refresh token holds the JSON array form.
        var amr = login.FindFirstValue("amr")?.Trim('[', ']', '"') ?? "pwd";
        var identity = login.FindFirstValue(LoginCookie.KindClaim) switch
        {
            LoginCookie.Persona when await db.Personas.FindAsync(subject) is { } persona => ForPersona(persona, acr, amr),
            LoginCookie.Staff when await users.FindByIdAsync(subject ?? "") is { } staff => await ForStaffAsync(staff, amr),
            _ => null,
        };
        return identity is null ? null : Finish(identity, scopes);
    }

    public static ClaimsIdentity ForPersona(Persona persona, string acr, string amr)
    {
        var identity = NewIdentity(persona.Id, LoginCookie.Persona, persona.TenantId);
        identity.AddClaim(new Claim(Claims.Role, Roles.Citizen));
        identity.AddClaim(new Claim(SandboxClaims.NationalId, persona.NationalId));
        identity.AddClaim(new Claim(SandboxClaims.Country, persona.Country));
        identity.AddClaim(new Claim(Claims.GivenName, persona.GivenName));
        identity.AddClaim(new Claim(Claims.FamilyName, persona.FamilyName));
        identity.AddClaim(new Claim(Claims.Name, $"{persona.GivenName} {persona.FamilyName}"));
        identity.AddClaim(new Claim(Claims.Birthdate, persona.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (persona.ProtectedIdentity) identity.AddClaim(new Claim(SandboxClaims.ProtectedIdentity, "true"));
        AddAssurance(identity, acr, amr);
        return identity;
    }

    public async Task<ClaimsIdentity> ForStaffAsync(StaffUser user, string amr = "pwd")
    {
        var identity = NewIdentity(user.Id, LoginCookie.Staff, user.TenantId);
        identity.AddClaim(new Claim(Claims.Name, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName));
        identity.AddClaim(new Claim(Claims.PreferredUsername, user.UserName ?? user.Id));
        foreach (var role in await users.GetRolesAsync(user)) identity.AddClaim(new Claim(Claims.Role, role));
        AddAssurance(identity, Eids.LevelLow, amr);
        return identity;
    }

    /// <summary>A client credentials principal: the client is the subject, bound to its tenant.</summary>
    public static ClaimsIdentity ForClient(string clientId, string? tenant)
    {
        var identity = NewIdentity(clientId, "client", tenant);
        identity.AddClaim(new Claim(Claims.Role, Roles.Service));
        return identity;
    }

    /// <summary>Scopes, audiences (the API scopes) and where each claim goes.</summary>
    public static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        var granted = scopes.Distinct(StringComparer.Ordinal).ToArray();
        identity.SetScopes(granted);
        identity.SetResources(granted.Where(s => SandboxIdentityOptions.ApiScopes.Contains(s)));
        identity.SetDestinations(claim => claim.Type switch
        {
            LoginCookie.KindClaim => [],
            _ => [Destinations.AccessToken, Destinations.IdentityToken],
        });
        return new ClaimsPrincipal(identity);
    }

    private static ClaimsIdentity NewIdentity(string subject, string kind, string? tenant)
    {
        var identity = new ClaimsIdentity("Sandbox", Claims.Subject, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, subject));
        identity.AddClaim(new Claim(LoginCookie.KindClaim, kind));
        if (tenant is not null) identity.AddClaim(new Claim(SandboxClaims.Tenant, tenant));
        return identity;
    }

    private static void AddAssurance(ClaimsIdentity identity, string acr, string amr)
    {
        identity.AddClaim(new Claim("acr", acr));
        identity.AddClaim(new Claim("amr", $"[\"{amr}\"]", JsonClaimValueTypes.JsonArray));
    }
}
