using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sandbox.Identity.Tests.Infrastructure;

namespace Sandbox.Identity.Tests.People;

/// <summary><c>GET /me</c> with the service's own access tokens, and the sidecar-only <c>/internal/people/{subject}</c>.</summary>
public abstract class PeopleApiTests<TFixture>(TFixture fixture) where TFixture : IIdentityFixture
{
    private IdentityApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Me_Guardian_OwnDetailsAddressAndChildren()
    {
        var tenant = await App.CreateTenantAsync("SE");
        var (guardian, children) = await App.CreateFamilyAsync(tenant);
        using var client = App.BearerClient(await App.TestTokenAsync(Str(guardian, "id"), scopes: ["identity"]));

        var response = await client.GetAsync("me", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await Browser.JsonAsync(response);
        Assert.Equal(Str(guardian, "id"), Str(me, "subject"));
        Assert.Equal(Str(guardian, "givenName"), Str(me, "givenName"));
        Assert.Equal(Str(guardian, "familyName"), Str(me, "familyName"));
        Assert.Equal(Str(guardian, "email"), Str(me, "email"));
        Assert.Contains("@", Str(me, "email"));
        Assert.StartsWith("+46", Str(me, "phone"));
        Assert.Equal("sv", Str(me, "preferredLanguage"));
        Assert.Equal(Str(guardian, "street"), Str(me["address"]!.AsObject(), "street"));
        Assert.Equal(Str(guardian, "postalCode"), Str(me["address"]!.AsObject(), "postalCode"));
        Assert.Equal(Str(guardian, "city"), Str(me["address"]!.AsObject(), "city"));
        var listed = me["children"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(children.Select(c => Str(c, "id")).Order(), listed.Select(c => Str(c, "subject")).Order());
        foreach (var child in listed)
        {
            var source = children.Single(c => Str(c, "id") == Str(child, "subject"));
            Assert.Equal(Str(source, "givenName"), Str(child, "givenName"));
            Assert.Equal(Str(source, "birthDate"), Str(child, "birthDate"));
        }
    }

    [Fact]
    public async Task Me_CitizenWithoutChildren_EmptyChildren()
    {
        var tenant = await App.CreateTenantAsync("FI");
        var persona = await App.CreatePersonaAsync(tenant);
        using var client = App.BearerClient(await App.TestTokenAsync(Str(persona, "id")));

        var me = JsonNode.Parse(await client.GetStringAsync("me", Ct))!.AsObject();

        Assert.Empty(me["children"]!.AsArray());
        Assert.Equal("fi", Str(me, "preferredLanguage"));
    }

    [Fact]
    public async Task Me_Staff_OwnNameAndEmailWithoutAddressOrChildren()
    {
        var tenant = await App.CreateTenantAsync("NO");
        using var admin = await App.AdminClientAsync();
        var userName = "k-" + Guid.NewGuid().ToString("n")[..8];
        var created = await admin.PostAsJsonAsync($"admin/tenants/{tenant}/staff",
            new { userName, roles = new[] { "caseworker" }, displayName = "Kari Nordmann Bakke", email = $"{userName}@example.com" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Browser.JsonAsync(created))["user"]!["id"]!.GetValue<string>();
        using var client = App.BearerClient(await App.TestTokenAsync(id, scopes: ["identity"]));

        var me = JsonNode.Parse(await client.GetStringAsync("me", Ct))!.AsObject();

        Assert.Equal(id, Str(me, "subject"));
        Assert.Equal("Kari", Str(me, "givenName"));
        Assert.Equal("Nordmann Bakke", Str(me, "familyName"));
        Assert.Equal($"{userName}@example.com", Str(me, "email"));
        Assert.Equal("nb", Str(me, "preferredLanguage"));
        Assert.Null(me["address"]);
        Assert.Empty(me["children"]!.AsArray());
    }

    [Fact]
    public async Task Me_TokenForAnotherAudienceOrNone_401()
    {
        var tenant = await App.CreateTenantAsync("SE");
        var persona = await App.CreatePersonaAsync(tenant);
        using var formsOnly = App.BearerClient(await App.TestTokenAsync(Str(persona, "id"), scopes: ["forms"]));
        using var anonymous = App.NewClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await formsOnly.GetAsync("me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Me_WithCodeFlowTokenOfScopeIdentity_200()
    {
        var tenant = await App.CreateTenantAsync("NO");
        var (guardian, children) = await App.CreateFamilyAsync(tenant);
        var (clientId, secret) = await App.CreateClientAsync(tenant, ["openid", "profile", "identity", "forms"], [Browser.RedirectUri]);
        using var browser = new Browser(App);
        var code = await browser.LoginWithEidAsync(clientId, "idporten", Str(guardian, "nationalId"), scope: "openid profile identity forms");
        var tokens = await Browser.JsonAsync(await browser.RedeemAsync(code, clientId, secret));
        var access = tokens["access_token"]!.GetValue<string>();
        using var client = App.BearerClient(access);

        var response = await client.GetAsync("me", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("identity", Jwt.Payload(access)["aud"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(children.Count, (await Browser.JsonAsync(response))["children"]!.AsArray().Count);
    }

    [Fact]
    public async Task Internal_WithAppToken_PersonaAtTheAppPathAndUnderThePathBase()
    {
        var tenant = await App.CreateTenantAsync("SE");
        var (guardian, _) = await App.CreateFamilyAsync(tenant);
        var subject = Str(guardian, "id");

        foreach (var path in new[] { $"/internal/people/{subject}", $"/identity/internal/people/{subject}" })
        {
            var response = await SidecarGetAsync(path, IdentityApp.AppToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var person = await Browser.JsonAsync(response);
            Assert.Equal(subject, Str(person, "subject"));
            Assert.Equal(tenant, Str(person, "tenantId"));
            Assert.Equal(Str(guardian, "givenName"), Str(person, "givenName"));
            Assert.Equal(Str(guardian, "familyName"), Str(person, "familyName"));
            Assert.Equal(Str(guardian, "email"), Str(person, "email"));
            Assert.Equal(Str(guardian, "phone"), Str(person, "phone"));
            Assert.Equal("sv", Str(person, "preferredLanguage"));
            Assert.Null(person["address"]);
        }
    }

    [Fact]
    public async Task Internal_Staff_EmailFromTheAccount()
    {
        var tenant = await App.CreateTenantAsync("FI");
        using var admin = await App.AdminClientAsync();
        var userName = "m-" + Guid.NewGuid().ToString("n")[..8];
        var created = await Browser.JsonAsync(await admin.PostAsJsonAsync($"admin/tenants/{tenant}/staff",
            new { userName, roles = new[] { "caseworker" }, email = $"{userName}@example.com" }, Ct));
        var id = created["user"]!["id"]!.GetValue<string>();

        var person = await Browser.JsonAsync(await SidecarGetAsync($"/internal/people/{id}", IdentityApp.AppToken));

        Assert.Equal(tenant, Str(person, "tenantId"));
        Assert.Equal($"{userName}@example.com", Str(person, "email"));
        Assert.Equal("fi", Str(person, "preferredLanguage"));
    }

    [Fact]
    public async Task Internal_Unknown_404ProblemDetails()
    {
        var response = await SidecarGetAsync("/internal/people/no-such-person", IdentityApp.AppToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Internal_WithoutTheAppToken_401EvenForAPlatformAdminsBearerToken()
    {
        var persona = await App.CreatePersonaAsync(await App.CreateTenantAsync("NO"));
        var path = $"internal/people/{Str(persona, "id")}";
        using var admin = await App.AdminClientAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SidecarGetAsync("/identity/" + path, "not-the-token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SidecarGetAsync("/" + path, null)).StatusCode);
    }

    /// <summary>A request as the sidecar makes it: straight to the app's port, with the app token header.</summary>
    private async Task<HttpResponseMessage> SidecarGetAsync(string path, string? token)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{App.Port}") };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Add("dapr-api-token", token);
        var response = await http.SendAsync(request, Ct);
        await response.Content.LoadIntoBufferAsync(Ct);
        return response;
    }

    private static string Str(JsonObject json, string name) => json[name]!.GetValue<string>();
}

public sealed class SqlitePeopleApiTests(SqliteIdentityFixture fixture) : PeopleApiTests<SqliteIdentityFixture>(fixture), IClassFixture<SqliteIdentityFixture>;

public sealed class PostgresPeopleApiTests(PostgresIdentityFixture fixture) : PeopleApiTests<PostgresIdentityFixture>(fixture), IClassFixture<PostgresIdentityFixture>;
