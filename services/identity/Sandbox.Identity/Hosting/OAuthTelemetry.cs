using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Sandbox.Identity.Hosting;

/// <summary>
/// Counts what the token and authorization endpoints answered, including the errors OpenIddict
/// returns before our handlers run (unknown client, bad PKCE verifier, replayed code).
/// </summary>
internal static class OAuthTelemetry
{
    public static OpenIddictServerBuilder AddOAuthTelemetry(this OpenIddictServerBuilder server) => server
        .AddEventHandler<ApplyTokenResponseContext>(handler => handler.UseSingletonHandler<TokenResponses>())
        .AddEventHandler<ApplyAuthorizationResponseContext>(handler => handler.UseSingletonHandler<AuthorizationResponses>());

    private sealed class TokenResponses(Telemetry telemetry) : IOpenIddictServerHandler<ApplyTokenResponseContext>
    {
        public ValueTask HandleAsync(ApplyTokenResponseContext context)
        {
            if (context.Error is { } error) telemetry.Failure("token", error);
            else if (context.Response.AccessToken is not null) telemetry.TokenIssued(context.Request?.GrantType ?? "unknown");
            return ValueTask.CompletedTask;
        }
    }

    private sealed class AuthorizationResponses(Telemetry telemetry) : IOpenIddictServerHandler<ApplyAuthorizationResponseContext>
    {
        public ValueTask HandleAsync(ApplyAuthorizationResponseContext context)
        {
            if (context.Error is { } error) telemetry.Failure("authorize", error);
            return ValueTask.CompletedTask;
        }
    }
}
