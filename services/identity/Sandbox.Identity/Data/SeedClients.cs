using OpenIddict.Abstractions;
using Sandbox.Identity.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.Identity.Data;

/// <summary>The portal's client: code flow with PKCE; confidential when a secret is configured.</summary>
internal static class SeedClients
{
    public const string PortalClientId = "portal";

    /// <summary>Creates the portal client, or brings it in line with the configuration (redirect URIs, secret).</summary>
    public static async Task PortalAsync(IOpenIddictApplicationManager apps, SandboxIdentityOptions options, CancellationToken ct)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = PortalClientId,
            DisplayName = "Sandbox portal",
            ClientType = options.PortalSecret is null ? ClientTypes.Public : ClientTypes.Confidential,
            ClientSecret = options.PortalSecret,
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in options.PortalRedirectUris) descriptor.RedirectUris.Add(new Uri(uri));
        ClientPermissions.AddCodeFlow(descriptor, ["openid", "profile", "offline_access", .. SandboxIdentityOptions.ApiScopes]);
        if (await apps.FindByClientIdAsync(PortalClientId, ct) is { } existing) await apps.UpdateAsync(existing, descriptor, ct);
        else await apps.CreateAsync(descriptor, ct);
    }
}

internal static class ClientPermissions
{
    public static void AddCodeFlow(OpenIddictApplicationDescriptor descriptor, IEnumerable<string> scopes)
    {
        descriptor.Permissions.UnionWith([
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code]);
        AddScopes(descriptor, scopes);
    }

    public static void AddClientCredentials(OpenIddictApplicationDescriptor descriptor, IEnumerable<string> scopes)
    {
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
        AddScopes(descriptor, scopes);
    }

    private static void AddScopes(OpenIddictApplicationDescriptor descriptor, IEnumerable<string> scopes)
    {
        // openid and offline_access are not permission-checked by OpenIddict; every other scope is.
        foreach (var scope in scopes.Where(s => s is not ("openid" or "offline_access")))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
    }
}
