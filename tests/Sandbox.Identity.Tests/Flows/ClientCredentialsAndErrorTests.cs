using System.Net;
using Sandbox.Identity.Tests.Infrastructure;

namespace Sandbox.Identity.Tests.Flows;

/// <summary>Client credentials, and bad requests answered with the OAuth error codes (never 500), on each store.</summary>
public abstract class ClientCredentialsAndErrorTests<TFixture>(TFixture fixture) where TFixture : IIdentityFixture
{
    private IdentityApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClientCredentials_RegisteredPlugin_GetsTokenForItsTenantAndScope()
    {
        var tenant = await App.CreateTenantAsync("SE");
        var (clientId, secret) = await App.CreateClientAsync(tenant, ["forms", "workflow"]);

        var response = await TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret!, ["scope"] = "forms" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var payload = Jwt.Payload((await Browser.JsonAsync(response))["access_token"]!.GetValue<string>());
        Assert.Equal(clientId, payload["sub"]!.GetValue<string>());
        Assert.Equal(tenant, payload["tenant"]!.GetValue<string>());
        Assert.Equal("service", payload["role"]!.GetValue<string>());
        Assert.Equal("forms", payload["aud"]!.GetValue<string>());
        Assert.Equal("at+jwt", Jwt.Header((await Browser.JsonAsync(await TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret!, ["scope"] = "forms" })))["access_token"]!.GetValue<string>())["typ"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientCredentials_ScopeNotPermitted_InvalidRequest()
    {
        var tenant = await App.CreateTenantAsync("FI");
        var (clientId, secret) = await App.CreateClientAsync(tenant, ["forms"]);

        var response = await TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret!, ["scope"] = "workflow" });

        // OpenIddict answers a scope the client is not permitted with invalid_request (ID2051).
        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Token_UnknownClient_InvalidClient()
    {
        var response = await TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = "no-such-" + Guid.NewGuid(), ["client_secret"] = "x" });

        await AssertOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Token_WrongSecret_InvalidClient()
    {
        var tenant = await App.CreateTenantAsync("NO");
        var (clientId, _) = await App.CreateClientAsync(tenant, ["forms"]);

        var response = await TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = "wrong" });

        await AssertOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Token_UnknownGrantType_UnsupportedGrantType()
    {
        var response = await TokenAsync(new() { ["grant_type"] = "password", ["client_id"] = "portal", ["username"] = "a", ["password"] = "b" });

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "unsupported_grant_type");
    }

    [Fact]
    public async Task Token_GarbageRefreshToken_InvalidGrant()
    {
        var tenant = await App.CreateTenantAsync("SE");
        var (clientId, secret) = await App.CreateClientAsync(tenant, ["openid", "offline_access"], [Browser.RedirectUri]);

        var response = await TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = "not-a-token", ["client_id"] = clientId, ["client_secret"] = secret! });

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task Authorize_WrongRedirectUri_400WithoutRedirectingThere()
    {
        var tenant = await App.CreateTenantAsync("SE");
        var (clientId, _) = await App.CreateClientAsync(tenant, ["openid"], [Browser.RedirectUri], isPublic: true);
        using var browser = new Browser(App);

        var response = await browser.GetAsync(browser.AuthorizeUrl(clientId, "openid", "http://evil.example/callback"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<code>invalid_request</code>", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Authorize_UnknownClient_400()
    {
        using var browser = new Browser(App);

        var response = await browser.GetAsync(browser.AuthorizeUrl("no-such-" + Guid.NewGuid(), "openid"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Authorize_WithoutPkce_InvalidRequest()
    {
        var tenant = await App.CreateTenantAsync("SE");
        var (clientId, _) = await App.CreateClientAsync(tenant, ["openid"], [Browser.RedirectUri], isPublic: true);
        using var browser = new Browser(App);

        var response = await browser.GetAsync($"connect/authorize?client_id={clientId}&redirect_uri={Uri.EscapeDataString(Browser.RedirectUri)}&response_type=code&scope=openid");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("code_challenge", await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Token_BadPkceVerifier_InvalidGrant()
    {
        var (browser, clientId, secret, code) = await CodeAsync();
        using var _ = browser;

        var response = await browser.RedeemAsync(code, clientId, secret, verifier: new string('x', 50));

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task Token_ReplayedCode_InvalidGrant()
    {
        var (browser, clientId, secret, code) = await CodeAsync();
        using var _ = browser;
        Assert.Equal(HttpStatusCode.OK, (await browser.RedeemAsync(code, clientId, secret)).StatusCode);

        var replay = await browser.RedeemAsync(code, clientId, secret);

        await AssertOAuthErrorAsync(replay, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task Token_CodeWithAnotherRedirectUri_InvalidGrant()
    {
        var (browser, clientId, secret, code) = await CodeAsync();
        using var _ = browser;

        var response = await browser.RedeemAsync(code, clientId, secret, redirectUri: "http://127.0.0.1:9/other");

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task Login_UnknownNationalId_400PageAndNoSession()
    {
        var tenant = await App.CreateTenantAsync("SE");
        var (clientId, _) = await App.CreateClientAsync(tenant, ["openid", "profile", "offline_access", "forms"], [Browser.RedirectUri], isPublic: true);
        using var browser = new Browser(App);
        var login = await browser.StartAsync(clientId);
        var returnUrl = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(login.Query)["returnUrl"].ToString();
        var page = await (await browser.GetAsync($"login/eid/bankid?returnUrl={Uri.EscapeDataString(returnUrl)}")).Content.ReadAsStringAsync(Ct);

        var posted = await browser.PostFormAsync("login/eid/bankid", new Dictionary<string, string>(Browser.Hidden(page)) { ["nationalId"] = "811228-9875" });

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("role=\"alert\"", await posted.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(returnUrl.Replace("/identity/", "", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_400()
    {
        using var browser = new Browser(App);

        var posted = await browser.PostFormAsync("login/staff", new Dictionary<string, string>
        {
            ["returnUrl"] = "/identity/connect/authorize?client_id=portal", ["userName"] = "platform-admin", ["password"] = "Sandbox-Test-1",
        });

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/identity/connect/authorize")]
    [InlineData("")]
    public async Task Login_ReturnUrlOutsideTheAuthorizeEndpoint_ProblemDetails400(string returnUrl)
    {
        using var browser = new Browser(App);

        var response = await browser.GetAsync($"login?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(Browser Browser, string ClientId, string? Secret, string Code)> CodeAsync()
    {
        var tenant = await App.CreateTenantAsync("SE");
        var persona = await App.CreatePersonaAsync(tenant);
        var (clientId, secret) = await App.CreateClientAsync(tenant, ["openid", "profile", "offline_access", "forms"], [Browser.RedirectUri]);
        var browser = new Browser(App);
        return (browser, clientId, secret, await browser.LoginWithEidAsync(clientId, "bankid", persona["nationalId"]!.GetValue<string>()));
    }

    private async Task<HttpResponseMessage> TokenAsync(Dictionary<string, string> form)
    {
        using var client = App.NewClient();
        return await client.PostAsync("connect/token", new FormUrlEncodedContent(form), Ct);
    }

    private static async Task AssertOAuthErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(error, (await Browser.JsonAsync(response))["error"]!.GetValue<string>());
    }
}

public sealed class SqliteClientCredentialsAndErrorTests(SqliteIdentityFixture fixture)
    : ClientCredentialsAndErrorTests<SqliteIdentityFixture>(fixture), IClassFixture<SqliteIdentityFixture>;

public sealed class PostgresClientCredentialsAndErrorTests(PostgresIdentityFixture fixture)
    : ClientCredentialsAndErrorTests<PostgresIdentityFixture>(fixture), IClassFixture<PostgresIdentityFixture>;
