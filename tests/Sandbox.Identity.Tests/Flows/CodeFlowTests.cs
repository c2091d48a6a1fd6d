using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Sandbox.Identity.Tests.Infrastructure;

namespace Sandbox.Identity.Tests.Flows;

/// <summary>Authorization code + PKCE through the login pages, and refresh, on each store.</summary>
public abstract class CodeFlowTests<TFixture>(TFixture fixture) where TFixture : IIdentityFixture
{
    private IdentityApp App => fixture.App;

    [Theory]
    [InlineData("bankid", "SE", "http://eidas.europa.eu/LoA/high")]
    [InlineData("freja", "SE", "http://eidas.europa.eu/LoA/substantial")]
    [InlineData("idporten", "NO", "http://eidas.europa.eu/LoA/high")]
    [InlineData("suomifi", "FI", "http://eidas.europa.eu/LoA/high")]
    public async Task CodeFlow_CitizenWithEid_TokensCarryNationalIdAndAssurance(string method, string country, string acr)
    {
        var tenant = await App.CreateTenantAsync(country);
        var persona = await App.CreatePersonaAsync(tenant);
        var (clientId, secret) = await App.CreateClientAsync(tenant, ["openid", "profile", "offline_access", "forms"], [Browser.RedirectUri]);
        using var browser = new Browser(App);

        var code = await browser.LoginWithEidAsync(clientId, method, persona["nationalId"]!.GetValue<string>());
        var response = await browser.RedeemAsync(code, clientId, secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = await Browser.JsonAsync(response);
        var access = Jwt.Payload(tokens["access_token"]!.GetValue<string>());
        Assert.Equal(persona["id"]!.GetValue<string>(), access["sub"]!.GetValue<string>());
        Assert.Equal(persona["nationalId"]!.GetValue<string>(), access["national_id"]!.GetValue<string>());
        Assert.Equal(tenant, access["tenant"]!.GetValue<string>());
        Assert.Equal(acr, access["acr"]!.GetValue<string>());
        Assert.Equal(method, access["amr"]!.AsArray()[0]!.GetValue<string>());
        Assert.Equal("forms", AudienceOf(access).Single());
        Assert.Equal(App.Issuer, access["iss"]!.GetValue<string>());
        var id = Jwt.Payload(tokens["id_token"]!.GetValue<string>());
        Assert.Equal(persona["givenName"]!.GetValue<string>(), id["given_name"]!.GetValue<string>());
        Assert.Equal(persona["birthDate"]!.GetValue<string>(), id["birthdate"]!.GetValue<string>());
        Assert.NotNull(tokens["refresh_token"]);
    }

    [Fact]
    public async Task CodeFlow_ChosenLevelOfAssurance_IsTheAcr()
    {
        var tenant = await App.CreateTenantAsync("SE");
        var persona = await App.CreatePersonaAsync(tenant);
        var (clientId, secret) = await App.CreateClientAsync(tenant, ["openid", "profile", "offline_access", "forms"], [Browser.RedirectUri]);
        using var browser = new Browser(App);

        var code = await browser.LoginWithEidAsync(clientId, "bankid", persona["nationalId"]!.GetValue<string>(), "http://eidas.europa.eu/LoA/low");
        var tokens = await Browser.JsonAsync(await browser.RedeemAsync(code, clientId, secret));

        Assert.Equal("http://eidas.europa.eu/LoA/low", Jwt.Payload(tokens["access_token"]!.GetValue<string>())["acr"]!.GetValue<string>());
    }

    [Fact]
    public async Task CodeFlow_StaffLogin_TokenCarriesTenantAndRoles()
    {
        var tenant = await App.CreateTenantAsync("NO");
        var (staffId, userName, password) = await App.CreateStaffAsync(tenant, "caseworker", "designer");
        var (clientId, _) = await App.CreateClientAsync(tenant, ["openid", "profile", "forms"], [Browser.RedirectUri], isPublic: true);
        using var browser = new Browser(App);

        var code = await browser.LoginAsStaffAsync(clientId, userName, password);
        var response = await browser.RedeemAsync(code, clientId, secret: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var access = Jwt.Payload((await Browser.JsonAsync(response))["access_token"]!.GetValue<string>());
        Assert.Equal(staffId, access["sub"]!.GetValue<string>());
        Assert.Equal(tenant, access["tenant"]!.GetValue<string>());
        Assert.Equal(["caseworker", "designer"], access["role"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
        Assert.Null(access["national_id"]);
    }

    [Fact]
    public async Task Refresh_WithRefreshToken_IssuesANewAccessTokenForTheSameSubject()
    {
        var tenant = await App.CreateTenantAsync("FI");
        var persona = await App.CreatePersonaAsync(tenant);
        var (clientId, secret) = await App.CreateClientAsync(tenant, ["openid", "profile", "offline_access", "forms"], [Browser.RedirectUri]);
        using var browser = new Browser(App);
        var code = await browser.LoginWithEidAsync(clientId, "suomifi", persona["nationalId"]!.GetValue<string>());
        var first = await Browser.JsonAsync(await browser.RedeemAsync(code, clientId, secret));

        var refreshed = await browser.PostFormAsync("connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = first["refresh_token"]!.GetValue<string>(),
            ["client_id"] = clientId, ["client_secret"] = secret!,
        });

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = await Browser.JsonAsync(refreshed);
        Assert.NotEqual(first["access_token"]!.GetValue<string>(), second["access_token"]!.GetValue<string>());
        var access = Jwt.Payload(second["access_token"]!.GetValue<string>());
        Assert.Equal(persona["id"]!.GetValue<string>(), access["sub"]!.GetValue<string>());
        Assert.Equal(persona["nationalId"]!.GetValue<string>(), access["national_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task UserInfo_WithTheAccessToken_ReturnsTheCitizensClaims()
    {
        var tenant = await App.CreateTenantAsync("NO");
        var persona = await App.CreatePersonaAsync(tenant);
        var (clientId, secret) = await App.CreateClientAsync(tenant, ["openid", "profile", "forms"], [Browser.RedirectUri]);
        using var browser = new Browser(App);
        var code = await browser.LoginWithEidAsync(clientId, "idporten", persona["nationalId"]!.GetValue<string>());
        var tokens = await Browser.JsonAsync(await browser.RedeemAsync(code, clientId, secret));
        using var client = App.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["access_token"]!.GetValue<string>());

        var response = await client.GetAsync("connect/userinfo", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var info = await Browser.JsonAsync(response);
        Assert.Equal(persona["nationalId"]!.GetValue<string>(), info["national_id"]!.GetValue<string>());
        Assert.Equal(persona["familyName"]!.GetValue<string>(), info["family_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task LoginPages_InEveryLanguage_RenderFormsWithLabels()
    {
        var tenant = await App.CreateTenantAsync("SE");
        var (clientId, _) = await App.CreateClientAsync(tenant, ["openid"], [Browser.RedirectUri], isPublic: true);
        using var browser = new Browser(App);
        var login = await browser.StartAsync(clientId, "openid");

        foreach (var (lang, word) in new[] { ("sv", "Logga in"), ("nb", "Logg inn"), ("fi", "Kirjaudu"), ("en", "Sign in") })
        {
            var chooser = await (await browser.GetAsync(login + "&lang=" + lang)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains($"<html lang=\"{lang}\">", chooser);
            Assert.Contains(word, chooser);
            foreach (var eid in new[] { "BankID", "Freja eID", "ID-porten", "Suomi.fi" }) Assert.Contains(eid, chooser);
        }
        var returnUrl = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(login.Query)["returnUrl"].ToString();
        var page = await (await browser.GetAsync($"login/eid/bankid?lang=sv&returnUrl={Uri.EscapeDataString(returnUrl)}")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<label for=\"nationalId\">", page);
        Assert.Contains("<label for=\"level\">", page);
        Assert.DoesNotContain("<script", page);
    }

    [Fact]
    public async Task CodeFlow_PersonaPickedFromTheList_IsTheSubject()
    {
        var tenant = await App.CreateTenantAsync("NO");
        var persona = await App.CreatePersonaAsync(tenant);
        var (clientId, secret) = await App.CreateClientAsync(tenant, ["openid", "profile", "offline_access", "forms"], [Browser.RedirectUri]);
        using var browser = new Browser(App);
        var login = await browser.StartAsync(clientId);
        var returnUrl = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(login.Query)["returnUrl"].ToString();
        var page = await (await browser.GetAsync($"login/eid/idporten?returnUrl={Uri.EscapeDataString(returnUrl)}")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var personaId = persona["id"]!.GetValue<string>();
        Assert.Contains($"name=\"personaId\" value=\"{personaId}\"", page);

        var posted = await browser.PostFormAsync("login/eid/idporten", new Dictionary<string, string>(Browser.Hidden(page)) { ["personaId"] = personaId });
        var callback = (await browser.GetAsync(posted.Headers.Location!.ToString().Replace("/identity/", "", StringComparison.Ordinal))).Headers.Location!;
        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        var tokens = await Browser.JsonAsync(await browser.RedeemAsync(code, clientId, secret));

        Assert.Equal(personaId, Jwt.Payload(tokens["access_token"]!.GetValue<string>())["sub"]!.GetValue<string>());
    }

    [Fact]
    public async Task Logout_EndsTheLoginSession_NextAuthorizeAsksForLoginAgain()
    {
        var tenant = await App.CreateTenantAsync("SE");
        var persona = await App.CreatePersonaAsync(tenant);
        var (clientId, secret) = await App.CreateClientAsync(tenant, ["openid", "profile", "offline_access", "forms"], [Browser.RedirectUri]);
        using var browser = new Browser(App);
        await browser.LoginWithEidAsync(clientId, "bankid", persona["nationalId"]!.GetValue<string>());
        var signedIn = await browser.GetAsync(browser.AuthorizeUrl(clientId));
        Assert.StartsWith(Browser.RedirectUri, signedIn.Headers.Location!.ToString(), StringComparison.Ordinal);

        var logout = await browser.GetAsync("connect/logout");

        Assert.True((int)logout.StatusCode < 400, $"logout answered {logout.StatusCode}");
        var again = await browser.GetAsync(browser.AuthorizeUrl(clientId));
        Assert.Contains("/identity/login", again.Headers.Location!.ToString());
    }

    private static IEnumerable<string> AudienceOf(JsonObject payload) => payload["aud"] switch
    {
        JsonArray array => array.Select(a => a!.GetValue<string>()),
        JsonNode single => [single.GetValue<string>()],
        _ => [],
    };
}

public sealed class SqliteCodeFlowTests(SqliteIdentityFixture fixture) : CodeFlowTests<SqliteIdentityFixture>(fixture), IClassFixture<SqliteIdentityFixture>;

public sealed class PostgresCodeFlowTests(PostgresIdentityFixture fixture) : CodeFlowTests<PostgresIdentityFixture>(fixture), IClassFixture<PostgresIdentityFixture>;
