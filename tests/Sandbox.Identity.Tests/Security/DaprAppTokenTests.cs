using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sandbox.Security;

namespace Sandbox.Identity.Tests.Security;

/// <summary>The sidecar-only policy of the service defaults, in a tiny host next to other schemes.</summary>
public class DaprAppTokenTests
{
    private const string Token = "the-app-token";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RightToken_Returns200()
    {
        await using var app = await StartAsync(Token, signedInUser: false);
        Assert.Equal(HttpStatusCode.OK, await CallAsync(app, "/internal", Token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong")]
    [InlineData("the-app-token ")]
    public async Task MissingOrWrongToken_Returns401(string? header)
    {
        await using var app = await StartAsync(Token, signedInUser: false);
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, "/internal", header));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task NoTokenConfigured_RefusesEveryCall(string? configured)
    {
        await using var app = await StartAsync(configured, signedInUser: false);
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, "/internal", null));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, "/internal", ""));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, "/internal", "anything"));
    }

    [Fact]
    public async Task SignedInUserOfTheDefaultScheme_WithoutAppToken_Returns401()
    {
        await using var app = await StartAsync(Token, signedInUser: true);

        Assert.Equal(HttpStatusCode.OK, await CallAsync(app, "/user", null));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, "/internal", null));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(app, "/internal", Token));
    }

    [Fact]
    public async Task NextToJwtBearerDefault_AppTokenOpensOnlyTheInternalEndpoint()
    {
        await using var app = await StartAsync(Token, signedInUser: false, jwt: true);

        Assert.Equal(HttpStatusCode.OK, await CallAsync(app, "/internal", Token));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, "/user", Token));
    }

    [Fact]
    public async Task CalledTwice_RegistersOnce()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.AddDaprAppToken().AddDaprAppToken();
        await using var app = builder.Build();
        var schemes = await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync();
        Assert.Single(schemes, s => s.Name == DaprAppToken.Scheme);
    }

    private static async Task<HttpStatusCode> CallAsync(WebApplication app, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.TryAddWithoutValidation(DaprAppToken.Header, token);
        using var response = await app.GetTestClient().SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static async Task<WebApplication> StartAsync(string? configuredToken, bool signedInUser, bool jwt = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration[DaprAppToken.TokenKey] = configuredToken;
        if (jwt)
        {
            builder.Configuration[SecurityExtensions.AuthorityKey] = "http://127.0.0.1:9/identity/";
            builder.AddSandboxAuthentication("test");
        }
        else
        {
            builder.Services.AddAuthentication("always").AddScheme<AuthenticationSchemeOptions, AlwaysHandler>("always", null);
            builder.Services.AddSingleton(new AlwaysHandler.Switch(signedInUser));
        }
        builder.AddDaprAppToken();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/internal", () => "ok").RequireAuthorization(DaprAppToken.Policy);
        app.MapGet("/user", () => "ok").RequireAuthorization();
        await app.StartAsync(Ct);
        return app;
    }

    /// <summary>A default scheme standing in for a valid user token (or for none).</summary>
    private sealed class AlwaysHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
        UrlEncoder encoder, AlwaysHandler.Switch on) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public sealed record Switch(bool SignedIn);

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(on.SignedIn
            ? AuthenticateResult.Success(new AuthenticationTicket(
                new ClaimsPrincipal(new ClaimsIdentity([new Claim(SandboxClaims.Role, Roles.PlatformAdmin)], Scheme.Name)), Scheme.Name))
            : AuthenticateResult.NoResult());
    }
}
