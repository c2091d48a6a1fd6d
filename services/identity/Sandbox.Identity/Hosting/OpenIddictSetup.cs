using Sandbox.Identity.Data;
using Sandbox.Identity.Keys;

namespace Sandbox.Identity.Hosting;

internal static class OpenIddictSetup
{
    public static IServiceCollection AddSandboxOpenIddict(this IServiceCollection services, SandboxIdentityOptions options, SigningKeyStore keys)
    {
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityStore>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(options.Issuer, UriKind.Absolute));
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/logout");

                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();

                server.RegisterScopes(["openid", "profile", "offline_access", "roles", .. SandboxIdentityOptions.ApiScopes]);
                server.RegisterClaims(["sub", "name", "given_name", "family_name", "birthdate", "acr", "amr",
                    Security.SandboxClaims.Tenant, Security.SandboxClaims.Role, Security.SandboxClaims.NationalId]);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime);

                // Services validate plain signed JWTs with the JWKS; codes and refresh tokens stay encrypted.
                server.DisableAccessTokenEncryption();
                foreach (var key in keys.SigningKeys) server.AddSigningKey(key);
                server.AddEncryptionKey(keys.EncryptionKey);

                server.AddOAuthTelemetry();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // Errors that cannot go back to the client (unknown client, wrong redirect URI) get our page.
                    .EnableErrorPassthrough()
                    // TLS ends at the gateway (or at the ingress in a cluster).
                    .DisableTransportSecurityRequirement();
            });
        return services;
    }
}
