using Microsoft.AspNetCore.Authentication;

namespace Sandbox.Workflow.Hosting;

/// <summary>
/// Endpoints only the Dapr sidecar may call: it sends the app API token (<c>APP_API_TOKEN</c>) as header
/// <c>dapr-api-token</c>, which Dapr.AspNetCore's app-token scheme checks. Same policy name as the shared
/// <c>DaprAppToken</c> helper of the service defaults.
/// </summary>
public static class SidecarAuth
{
    /// <summary>The authorization policy that requires the sidecar's app API token.</summary>
    public const string Policy = "dapr-app";

    /// <summary>The scheme name Dapr.AspNetCore's app-token handler registers under.</summary>
    public const string Scheme = "Dapr";

    public static WebApplicationBuilder AddSidecarAuth(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddAuthentication().AddDapr(options =>
        {
            // Without a configured token every call is refused.
            var token = configuration["APP_API_TOKEN"];
            options.Token = string.IsNullOrWhiteSpace(token) ? null : token;
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return builder;
    }
}
