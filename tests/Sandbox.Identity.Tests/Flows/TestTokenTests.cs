using System.Net;
using System.Net.Http.Json;
using Sandbox.Identity.Tests.Infrastructure;

namespace Sandbox.Identity.Tests.Flows;

public sealed class TestTokenTests(SqliteIdentityFixture fixture) : IClassFixture<SqliteIdentityFixture>
{
    private IdentityApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Disabled_Refused403WithProblemDetails()
    {
        await using var off = IdentityApp.Start(testTokens: false);
        using var client = off.NewClient();

        var response = await client.PostAsJsonAsync("sandbox/tokens", new { subject = "platform-admin" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PersonaByNationalId_TokenCarriesTheCitizensClaims()
    {
        var tenant = await App.CreateTenantAsync("FI");
        var persona = await App.CreatePersonaAsync(tenant);

        var token = Jwt.Payload(await App.TestTokenAsync(persona["nationalId"]!.GetValue<string>(), scopes: ["forms"]));

        Assert.Equal(persona["id"]!.GetValue<string>(), token["sub"]!.GetValue<string>());
        Assert.Equal(persona["nationalId"]!.GetValue<string>(), token["national_id"]!.GetValue<string>());
        Assert.Equal("citizen", token["role"]!.AsArray().Single()!.GetValue<string>());
        Assert.Equal(tenant, token["tenant"]!.GetValue<string>());
        Assert.Equal(App.Issuer, token["iss"]!.GetValue<string>());
    }

    [Fact]
    public async Task ScopeIdentity_IsAnAudience_AndOpensMe()
    {
        var persona = await App.CreatePersonaAsync(await App.CreateTenantAsync("SE"));

        var token = await App.TestTokenAsync(persona["id"]!.GetValue<string>(), scopes: ["identity", "forms"]);
        using var client = App.BearerClient(token);

        Assert.Equal(["forms", "identity"], Jwt.Payload(token)["aud"]!.AsArray().Select(a => a!.GetValue<string>()).Order());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("me", Ct)).StatusCode);
    }

    [Fact]
    public async Task PersonaWithAnotherTenant_TokenNamesThatTenant()
    {
        var (home, other) = (await App.CreateTenantAsync("SE"), await App.CreateTenantAsync("SE"));
        var persona = await App.CreatePersonaAsync(home);

        var token = Jwt.Payload(await App.TestTokenAsync(persona["id"]!.GetValue<string>(), tenant: other));

        Assert.Equal(other, token["tenant"]!.GetValue<string>());
    }

    [Fact]
    public async Task StaffAskingForAnotherTenant_400()
    {
        var (a, b) = (await App.CreateTenantAsync("NO"), await App.CreateTenantAsync("NO"));
        var (worker, _, _) = await App.CreateStaffAsync(a, "caseworker");
        using var client = App.NewClient();

        var response = await client.PostAsJsonAsync("sandbox/tokens", new { subject = worker, tenant = b }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("tenant", (await Browser.JsonAsync(response))["errors"]!.AsObject().Select(e => e.Key));
    }

    [Theory]
    [InlineData("{\"subject\":\"no-such-subject\"}", "subject")]
    [InlineData("{\"subject\":\"platform-admin\",\"scopes\":[\"everything\"]}", "scopes")]
    [InlineData("{\"subject\":\"platform-admin\",\"lifetimeMinutes\":0}", "lifetimeMinutes")]
    public async Task BadRequest_ValidationProblemNamingTheField(string body, string field)
    {
        using var client = App.NewClient();

        var response = await client.PostAsync("sandbox/tokens", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await Browser.JsonAsync(response))["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task MalformedJson_400NotServerError()
    {
        using var client = App.NewClient();

        var response = await client.PostAsync("sandbox/tokens", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
