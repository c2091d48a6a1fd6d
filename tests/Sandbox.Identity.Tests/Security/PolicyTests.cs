using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Sandbox.Security;

namespace Sandbox.Identity.Tests.Security;

/// <summary>The shared policies evaluated directly, with a tenant id or a tenant-owned resource as the resource.</summary>
public class PolicyTests
{
    private sealed record Case(string TenantId) : ITenantOwned;

    private static readonly IAuthorizationService Authorization = new ServiceCollection()
        .AddLogging().AddSandboxAuthorization().BuildServiceProvider().GetRequiredService<IAuthorizationService>();

    private static ClaimsPrincipal User(string? tenant, params string[] roles)
    {
        var claims = roles.Select(r => new Claim(SandboxClaims.Role, r)).ToList();
        if (tenant is not null) claims.Add(new Claim(SandboxClaims.Tenant, tenant));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", SandboxClaims.Subject, SandboxClaims.Role));
    }

    [Theory]
    [InlineData(Policies.Caseworker, "caseworker", "bergen", true)]
    [InlineData(Policies.Caseworker, "caseworker", "tampere", false)]
    [InlineData(Policies.Caseworker, "designer", "bergen", false)]
    [InlineData(Policies.Designer, "designer", "bergen", true)]
    [InlineData(Policies.TenantAdmin, "tenant-admin", "bergen", true)]
    [InlineData(Policies.TenantAdmin, "tenant-admin", "tampere", false)]
    [InlineData(Policies.TenantAdmin, "platform-admin", "tampere", true)]
    [InlineData(Policies.PlatformAdmin, "tenant-admin", "bergen", false)]
    [InlineData(Policies.SameTenant, "service", "bergen", true)]
    [InlineData(Policies.SameTenant, "service", "tampere", false)]
    public async Task Policy_ForUserOfBergen_OnResourceOfTenant(string policy, string role, string resourceTenant, bool allowed)
    {
        var byId = await Authorization.AuthorizeTenantAsync(User("bergen", role), resourceTenant, policy);
        var byResource = await Authorization.AuthorizeAsync(User("bergen", role), new Case(resourceTenant), policy);

        Assert.Equal(allowed, byId.Succeeded);
        Assert.Equal(allowed, byResource.Succeeded);
    }

    [Fact]
    public async Task Citizen_NeedsTheRoleAndANationalId()
    {
        var withId = User("uppsala", Roles.Citizen);
        ((ClaimsIdentity)withId.Identity!).AddClaim(new Claim(SandboxClaims.NationalId, "198112289874"));

        Assert.True((await Authorization.AuthorizeAsync(withId, null, Policies.Citizen)).Succeeded);
        Assert.False((await Authorization.AuthorizeAsync(User("uppsala", Roles.Citizen), null, Policies.Citizen)).Succeeded);
        Assert.False((await Authorization.AuthorizeAsync(User("uppsala", Roles.Caseworker), null, Policies.Citizen)).Succeeded);
    }

    [Fact]
    public async Task TokenWithoutTenant_OnATenantsResource_Refused()
    {
        Assert.False((await Authorization.AuthorizeTenantAsync(User(null, Roles.Caseworker), "bergen", Policies.Caseworker)).Succeeded);
    }
}
