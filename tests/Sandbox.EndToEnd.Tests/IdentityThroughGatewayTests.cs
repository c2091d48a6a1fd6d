using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sandbox.EndToEnd.Tests;

[Collection(SandboxCollection.Name)]
public sealed class IdentityThroughGatewayTests(SandboxApp sandbox)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_NamesTheGatewayAsIssuer()
    {
        using var client = sandbox.Client();

        var discovery = await client.GetFromJsonAsync<JsonElement>("/identity/.well-known/openid-configuration", Cancel);

        Assert.Equal($"http://localhost:{sandbox.Gateway.Port}/identity", discovery.GetProperty("issuer").GetString());
        // Endpoints follow the host the caller used, as the gateway forwards it.
        Assert.Equal($"{sandbox.Gateway}identity/.well-known/jwks", discovery.GetProperty("jwks_uri").GetString());
    }

    [Fact]
    public async Task Jwks_ThroughTheGateway_PublishesSigningKeys()
    {
        using var client = sandbox.Client();

        var jwks = await client.GetFromJsonAsync<JsonElement>("/identity/.well-known/jwks", Cancel);

        Assert.NotEmpty(jwks.GetProperty("keys").EnumerateArray());
    }

    [Fact]
    public async Task LoginPage_ThroughTheGateway_OffersTheNordicEids()
    {
        using var client = sandbox.Client();

        var html = await client.GetStringAsync("/identity/login?returnUrl=%2Fidentity%2Fconnect%2Fauthorize&lang=fi", Cancel);

        Assert.Contains("lang=\"fi\"", html);
        foreach (var eid in new[] { "BankID", "Freja", "ID-porten", "Suomi.fi" })
        {
            Assert.Contains(eid, html);
        }
    }

    [Fact]
    public async Task LoginPage_StylesComeFromTheSandbox_SoTheContentSecurityPolicyAllowsThem()
    {
        using var client = sandbox.Client();

        var html = await client.GetStringAsync("/identity/login?returnUrl=%2Fidentity%2Fconnect%2Fauthorize", Cancel);
        using var css = await client.GetAsync("/identity/login.css", Cancel);

        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain("style=", html);
        Assert.Contains("href=\"/identity/login.css\"", html);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }
}
