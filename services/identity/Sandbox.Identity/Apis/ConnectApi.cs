using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Extensions;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Sandbox.Identity.Login;
using Sandbox.Identity.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.Identity.Apis;

/// <summary>
/// The OpenID Connect endpoints after OpenIddict has validated the request (client, redirect URI,
/// PKCE, code, refresh token): here the subject is chosen and the claims are built.
/// </summary>
public static class ConnectApi
{
    public static IEndpointRouteBuilder MapConnectApi(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("/connect").WithTags("OpenID Connect").ExcludeFromDescription();
        connect.MapMethods("/authorize", ["GET", "POST"], (Delegate)Authorize);
        connect.MapPost("/token", (Delegate)Token);
        connect.MapMethods("/userinfo", ["GET", "POST"], (Delegate)UserInfo);
        connect.MapMethods("/logout", ["GET", "POST"], (Delegate)Logout);
        return app;
    }

    private static async Task<IResult> Authorize(HttpContext http, PrincipalFactory factory)
    {
        if (http.GetOpenIddictServerResponse() is { Error: { } error } failure) return LoginPage.RequestError(http, error, failure.ErrorDescription);
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("No OpenID Connect request.");
        var login = await http.AuthenticateAsync(LoginCookie.Scheme);
        if (!login.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None)) return Refuse(Errors.LoginRequired, "The user is not signed in.");
            var parameters = request.GetParameters()
                .Where(p => p.Key != Parameters.Prompt)
                .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()));
            var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters);
            var lang = request.UiLocales?.Split(' ').FirstOrDefault(LoginText.Languages.Contains);
            return Results.Redirect($"{http.Request.PathBase}/login?returnUrl={Uri.EscapeDataString(returnUrl)}{(lang is null ? "" : "&lang=" + lang)}");
        }

        var principal = await factory.ReloadAsync(login.Principal!, request.GetScopes());
        if (principal is null)
        {
            // The persona or account was removed since the login: ask for a new login.
            await http.SignOutAsync(LoginCookie.Scheme);
            return Results.Redirect(http.Request.GetEncodedPathAndQuery());
        }
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> Token(HttpContext http, PrincipalFactory factory, IOpenIddictApplicationManager apps, Telemetry telemetry)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("No OpenID Connect request.");
        ClaimsPrincipal? principal;
        if (request.IsClientCredentialsGrantType())
        {
            var app = await apps.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("The client was validated but is gone.");
            var properties = await apps.GetPropertiesAsync(app);
            var tenant = properties.TryGetValue(ClientProperties.Tenant, out var t) ? t.GetString() : null;
            principal = PrincipalFactory.Finish(PrincipalFactory.ForClient(request.ClientId!, tenant), request.GetScopes());
        }
        else if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var stored = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            principal = stored.Principal is null ? null : await factory.ReloadAsync(stored.Principal, stored.Principal.GetScopes());
            if (principal is null)
            {
                telemetry.Failure("token", "subject_gone");
                return Refuse(Errors.InvalidGrant, "The user of this grant no longer exists.");
            }
        }
        else
        {
            return Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
        }
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> UserInfo(HttpContext http)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } user) return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        string[] shown = [Claims.Subject, Claims.Name, Claims.GivenName, Claims.FamilyName, Claims.Birthdate, Claims.PreferredUsername,
            Security.SandboxClaims.NationalId, Security.SandboxClaims.Tenant, Security.SandboxClaims.Country];
        var claims = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var type in shown)
        {
            if (user.FindFirst(type)?.Value is { } value) claims[type] = value;
        }
        claims[Claims.Role] = user.FindAll(Claims.Role).Select(c => c.Value).ToArray();
        return Results.Ok(claims);
    }

    private static async Task<IResult> Logout(HttpContext http)
    {
        if (http.GetOpenIddictServerResponse() is { Error: { } error } failure) return LoginPage.RequestError(http, error, failure.ErrorDescription);
        await http.SignOutAsync(LoginCookie.Scheme);
        return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

/// <summary>Sandbox properties stored on an OpenIddict application.</summary>
public static class ClientProperties
{
    public const string Tenant = "tenant";
}
