using System.Net;
using Sandbox.Identity.Tests.Infrastructure;

namespace Sandbox.Identity.Tests.Security;

/// <summary>
/// A sample service using Sandbox.Security validates the identity app's tokens through discovery
/// and JWKS, and keeps tenants apart: a caseworker of tenant A gets 403 on tenant B.
/// </summary>
public abstract class TenantIsolationTests<TFixture>(TFixture fixture) : IAsyncLifetime where TFixture : IIdentityFixture
{
    private SampleService? service;
    private IdentityApp App => fixture.App;
    private SampleService Service => App is not null ? service! : throw new InvalidOperationException();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (fixture.Available) service = await SampleService.StartAsync(App.Issuer);
    }

    public async ValueTask DisposeAsync()
    {
        if (service is not null) await service.DisposeAsync();
    }

    [Fact]
    public async Task CaseworkerOfTenantA_OnTenantBsResource_403()
    {
        var (a, b) = (await App.CreateTenantAsync("SE"), await App.CreateTenantAsync("SE"));
        var (worker, _, _) = await App.CreateStaffAsync(a, "caseworker");
        using var client = Service.Client(await App.TestTokenAsync(worker));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"tenants/{a}/cases", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"tenants/{b}/cases", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"tenants/{b}/inbox", Ct)).StatusCode);
    }

    [Fact]
    public async Task CaseworkerOfTenantA_OnCaseLoadedFromTenantB_403()
    {
        var (a, b) = (await App.CreateTenantAsync("NO"), await App.CreateTenantAsync("NO"));
        var (worker, _, _) = await App.CreateStaffAsync(a, "caseworker");
        using var client = Service.Client(await App.TestTokenAsync(worker));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"cases/{a}:1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"cases/{b}:1", Ct)).StatusCode);
    }

    [Fact]
    public async Task PlatformAdmin_OnAnyTenant_PassesTheTenantScope()
    {
        var b = await App.CreateTenantAsync("FI");
        using var client = Service.Client(await App.TestTokenAsync("platform-admin"));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"tenants/{b}/settings", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"tenants/{b}/cases", Ct)).StatusCode); // not a caseworker
    }

    [Fact]
    public async Task Citizen_OnCaseworkerEndpoint_403_AndOnCitizenEndpoint_SeesOwnNationalId()
    {
        var a = await App.CreateTenantAsync("SE");
        var persona = await App.CreatePersonaAsync(a);
        using var client = Service.Client(await App.TestTokenAsync(persona["id"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"tenants/{a}/cases", Ct)).StatusCode);
        var me = await client.GetAsync("me", Ct);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(persona["nationalId"]!.GetValue<string>(), (await Browser.JsonAsync(me))["nationalId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientCredentialsToken_IsValidatedByTheService()
    {
        var a = await App.CreateTenantAsync("SE");
        var (clientId, secret) = await App.CreateClientAsync(a, ["forms"]);
        using var identity = App.NewClient();
        var issued = await identity.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret!, ["scope"] = "forms",
        }), Ct);
        using var client = Service.Client((await Browser.JsonAsync(issued))["access_token"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"tenants/{a}/inbox", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"tenants/{a}/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task NoToken_401()
    {
        using var client = Service.Client(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("tenants/uppsala/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task TamperedSignature_401()
    {
        var token = await App.TestTokenAsync("uppsala-caseworker");
        var parts = token.Split('.');
        var signature = parts[2].ToCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        using var client = Service.Client($"{parts[0]}.{parts[1]}.{new string(signature)}");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("tenants/uppsala/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task TamperedPayload_401()
    {
        var parts = (await App.TestTokenAsync("uppsala-caseworker")).Split('.');
        var payload = Jwt.Payload(string.Join('.', parts));
        payload["tenant"] = "bergen";
        var forged = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload.ToJsonString());
        using var client = Service.Client($"{parts[0]}.{forged}.{parts[2]}");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("tenants/bergen/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task ExpiredToken_401()
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = "x", ["tenant"] = "uppsala", ["role"] = new[] { "caseworker" } };
        var expired = KeyFiles.SignWithAppKey(App, claims, now.AddHours(-2), now.AddHours(-1));
        var fresh = KeyFiles.SignWithAppKey(App, claims, now.AddMinutes(-1), now.AddHours(1));

        using var expiredClient = Service.Client(expired);
        using var freshClient = Service.Client(fresh);
        Assert.Equal(HttpStatusCode.Unauthorized, (await expiredClient.GetAsync("tenants/uppsala/cases", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await freshClient.GetAsync("tenants/uppsala/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task TokenForAnotherAudience_401()
    {
        using var client = Service.Client(await App.TestTokenAsync("uppsala-caseworker", scopes: ["workflow"]));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("tenants/uppsala/cases", Ct)).StatusCode);
    }
}

public sealed class SqliteTenantIsolationTests(SqliteIdentityFixture fixture)
    : TenantIsolationTests<SqliteIdentityFixture>(fixture), IClassFixture<SqliteIdentityFixture>;

public sealed class PostgresTenantIsolationTests(PostgresIdentityFixture fixture)
    : TenantIsolationTests<PostgresIdentityFixture>(fixture), IClassFixture<PostgresIdentityFixture>;
