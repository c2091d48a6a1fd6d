using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Sandbox.Identity.Tests.Infrastructure;

namespace Sandbox.Identity.Tests.Flows;

public sealed class DiscoveryAndKeyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_NamesTheIssuerAndTheFlows_AndBehindTheGatewayItsPublicHost()
    {
        await using var app = IdentityApp.Start();
        using var client = app.NewClient();

        var direct = await JsonAsync(client, ".well-known/openid-configuration");
        Assert.Equal(app.Issuer, direct["issuer"]!.GetValue<string>());
        Assert.Equal(["authorization_code", "client_credentials", "refresh_token"], direct["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>()).Order());
        Assert.Contains("S256", direct["code_challenge_methods_supported"]!.AsArray().Select(g => g!.GetValue<string>()));

        using var viaGateway = new HttpRequestMessage(HttpMethod.Get, ".well-known/openid-configuration");
        viaGateway.Headers.Add("X-Forwarded-Host", "localhost:8080");
        var forwarded = JsonNode.Parse(await (await client.SendAsync(viaGateway, Ct)).Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("http://localhost:8080/identity/connect/token", forwarded["token_endpoint"]!.GetValue<string>());
    }

    [Fact]
    public async Task SigningKeys_PersistAcrossRestarts_AndRotationAddsANewSigningKey()
    {
        var data = Path.Combine(Path.GetTempPath(), "sandbox-identity-keys-" + Guid.NewGuid().ToString("n")[..8]);
        try
        {
            string first;
            await using (var app = IdentityApp.Start(dataPath: data))
            {
                first = (await KidsAsync(app)).Single();
                using var admin = app.NewClient();
                admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TestTokenAsync("platform-admin"));
                Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("admin/keys/rotate", null, Ct)).StatusCode);
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using (var restarted = IdentityApp.Start(dataPath: data))
            {
                var kids = await KidsAsync(restarted);
                Assert.Equal(2, kids.Count);
                Assert.Contains(first, kids);
                var signedWith = Jwt.Header(await restarted.TestTokenAsync("platform-admin"))["kid"]!.GetValue<string>();
                Assert.NotEqual(first, signedWith);
                Assert.Contains(signedWith, kids);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task PortalClient_FollowsTheConfiguredSecretAcrossRestarts()
    {
        var data = Path.Combine(Path.GetTempPath(), "sandbox-identity-portal-" + Guid.NewGuid().ToString("n")[..8]);
        try
        {
            await using (var app = IdentityApp.Start(dataPath: data))
            {
                Assert.Equal("public", await PortalTypeAsync(app, secret: null));
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using (var configured = IdentityApp.Start(dataPath: data, settings: new Dictionary<string, string?> { ["Sandbox:Identity:PortalSecret"] = "portal-secret-for-this-test" }))
            {
                Assert.Equal("confidential", await PortalTypeAsync(configured, "portal-secret-for-this-test"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<string?> PortalTypeAsync(IdentityApp app, string? secret)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var apps = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var portal = await apps.FindByClientIdAsync("portal", Ct);
        Assert.NotNull(portal);
        if (secret is not null) Assert.True(await apps.ValidateClientSecretAsync(portal, secret, Ct));
        return await apps.GetClientTypeAsync(portal, Ct);
    }

    [Fact]
    public async Task Tenants_PublicListKeepsItsShape()
    {
        await using var app = IdentityApp.Start();
        using var client = app.NewClient();

        var tenants = JsonNode.Parse(await client.GetStringAsync("tenants", Ct))!.AsArray();

        var uppsala = tenants.Single(t => t!["id"]!.GetValue<string>() == "uppsala")!;
        Assert.Equal("SE", uppsala["country"]!.GetValue<string>());
        Assert.Equal(["en", "fi", "nb", "sv"], uppsala["names"]!.AsObject().Select(n => n.Key).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("tenants/nowhere", Ct)).StatusCode);
    }

    private static async Task<List<string>> KidsAsync(IdentityApp app)
    {
        using var client = app.NewClient();
        var jwks = JsonNode.Parse(await client.GetStringAsync(".well-known/jwks", Ct))!;
        return [.. jwks["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>())];
    }

    private static async Task<JsonNode> JsonAsync(HttpClient client, string url) => JsonNode.Parse(await client.GetStringAsync(url, Ct))!;
}
