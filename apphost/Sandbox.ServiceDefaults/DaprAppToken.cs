using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Endpoints that only the Dapr sidecar may call (pub/sub deliveries, service invocation of
/// internal methods, plugin jobs). The sidecar sends the app API token as header
/// <c>dapr-api-token</c>; Dapr.AspNetCore's app-token scheme checks it against
/// <c>APP_API_TOKEN</c>. Use as <c>.RequireAuthorization(DaprAppToken.Policy)</c>.
/// </summary>
/// <remarks>
/// The policy names the Dapr scheme itself, so it works next to a JWT bearer default scheme: a
/// user's bearer token never satisfies it. Without a configured token every call is refused.
/// </remarks>
public static class DaprAppToken
{
    /// <summary>The authorization policy that requires the sidecar's app API token.</summary>
    public const string Policy = "dapr-app";

    /// <summary>The authentication scheme of Dapr.AspNetCore's app-token handler.</summary>
    public const string Scheme = "Dapr";

    /// <summary>Configuration key of the shared token (set by the app host on sidecars and services).</summary>
    public const string TokenKey = "APP_API_TOKEN";

    /// <summary>The header the sidecar sends the token in.</summary>
    public const string Header = "dapr-api-token";

    /// <summary>
    /// Registers the app-token scheme (token read from configuration <see cref="TokenKey"/>) and
    /// the <see cref="Policy"/> policy. Safe to call more than once; leaves the default scheme alone.
    /// </summary>
    public static TBuilder AddDaprAppToken<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(Marker)))
        {
            return builder;
        }
        builder.Services.TryAddSingleton<Marker>();

        var configuration = builder.Configuration;
        builder.Services.AddAuthentication().AddDapr(options =>
        {
            // Read at each options build so tests and hosts can set it late; blank means refuse.
            var token = configuration[TokenKey];
            options.Token = string.IsNullOrWhiteSpace(token) ? null : token;
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser());
        return builder;
    }

    private sealed class Marker;
}
