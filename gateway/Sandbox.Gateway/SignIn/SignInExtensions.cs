using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Yarp.ReverseProxy.Transforms;

namespace Sandbox.Gateway.SignIn;

/// <summary>
/// The backend-for-frontend: the browser holds only an HttpOnly session cookie; tokens stay in the
/// gateway and go to the services as a bearer token on each forwarded request.
/// </summary>
public static class SignInExtensions
{
    public static WebApplicationBuilder AddSignIn(this WebApplicationBuilder builder, IReverseProxyBuilder proxy)
    {
        var options = builder.Configuration.GetSection(SignInOptions.Section).Get<SignInOptions>() ?? new SignInOptions();
        var keys = Path.Combine(builder.Configuration["SANDBOX_DATA"] ?? Path.Combine(".sandbox-data", "gateway"), "keys");
        // Session cookies must survive a gateway restart, so the keys that protect them are kept.
        builder.Services.AddDataProtection().SetApplicationName("sandbox-gateway").PersistKeysToFileSystem(new DirectoryInfo(keys));
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "sandbox-session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.Events.OnValidatePrincipal = SessionExpiry.RejectWhenTokenExpiredAsync;
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = options.Authority;
                oidc.RequireHttpsMetadata = options.Authority.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
                oidc.ClientId = options.ClientId;
                oidc.ClientSecret = options.ClientSecret;
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                // The code comes back in the query: a form_post answer needs an inline script, which the CSP forbids.
                oidc.ResponseMode = "query";
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.Scope.Clear();
                foreach (var scope in options.Scopes) oidc.Scope.Add(scope);
                // The sandbox runs on plain http locally: these cookies must come back over it too.
                // Lax suffices because the code returns in a top-level GET (response mode query).
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.Events.OnRemoteFailure = SignInFailedAsync;
                oidc.TokenValidationParameters.NameClaimType = "sub";
                oidc.TokenValidationParameters.RoleClaimType = "role";
            });
        builder.Services.AddAuthorization();
        proxy.AddTransforms(context => context.AddRequestTransform(AttachAccessTokenAsync));
        return builder;
    }

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", SignIn).ExcludeFromDescription();
        app.MapPost("/signout", SignOut).ExcludeFromDescription();
        return app;
    }

    private static ChallengeHttpResult SignIn(string? returnUrl) =>
        TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) });

    private static async Task<RedirectHttpResult> SignOut(HttpContext context, string? returnUrl)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect(LocalOrRoot(returnUrl));
    }

    /// <summary>A sign-in that cannot complete (stale or forged callback, refused at identity) is the caller's problem: 400.</summary>
    private static async Task SignInFailedAsync(RemoteFailureContext failure)
    {
        failure.HandleResponse();
        failure.Response.StatusCode = StatusCodes.Status400BadRequest;
        var problems = failure.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new()
        {
            HttpContext = failure.HttpContext,
            ProblemDetails = { Status = 400, Title = "Sign-in failed", Detail = "The sign-in could not be completed. Start again from the sign-in link." },
        });
    }

    /// <summary>A signed-in browser's request goes on with the user's access token, unless it brought its own.</summary>
    private static async ValueTask AttachAccessTokenAsync(RequestTransformContext transform)
    {
        if (transform.ProxyRequest.Headers.Authorization is not null || transform.HttpContext.User.Identity?.IsAuthenticated != true) return;
        if (await transform.HttpContext.GetTokenAsync("access_token") is { } token)
        {
            transform.ProxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    internal static string LocalOrRoot(string? url) =>
        url is not null && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url : "/";
}
