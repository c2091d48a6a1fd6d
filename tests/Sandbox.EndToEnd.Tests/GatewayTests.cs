using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sandbox.EndToEnd.Tests;

[Collection(SandboxCollection.Name)]
public sealed class GatewayTests(SandboxApp sandbox)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HealthReady_AllServicesHealthy_Answers200ListingEach()
    {
        using var client = sandbox.Client();

        using var response = await client.GetAsync("/health/ready", Cancel);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var services = body.RootElement.GetProperty("services");
        foreach (var service in new[] { "identity", "forms", "workflow", "notifications", "portal" })
        {
            Assert.Equal("Healthy", services.GetProperty(service).GetProperty("status").GetString());
        }
    }

    [Theory]
    [InlineData("/api/forms/info", "forms")]
    [InlineData("/api/workflow/info", "workflow")]
    [InlineData("/api/notifications/info", "notifications")]
    [InlineData("/identity/info", "identity")]
    [InlineData("/api/portal/info", "portal")]
    public async Task Route_ReachesTheServiceThatOwnsThePath(string path, string service)
    {
        using var client = sandbox.Client();

        var info = await client.GetFromJsonAsync<JsonElement>(path, Cancel);

        Assert.Equal(service, info.GetProperty("service").GetString());
    }

    [Fact]
    public async Task Route_IdentityTenants_ListsNordicMunicipalities()
    {
        using var client = sandbox.Client();

        var tenants = await client.GetFromJsonAsync<JsonElement[]>("/identity/tenants", Cancel);

        Assert.Equal(["FI", "NO", "SE"], tenants!.Select(t => t.GetProperty("country").GetString()).Distinct().Order());
    }

    [Fact]
    public async Task Route_AnyOtherPath_IsServedByThePortal()
    {
        using var client = sandbox.Client();

        using var response = await client.GetAsync("/", Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"sv\"", html);
        Assert.Contains("Uppsala kommun", html); // the portal read it from identity
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/forms/info")]
    [InlineData("/no-such-page")]
    public async Task Response_CarriesSecurityHeaders(string path)
    {
        using var client = sandbox.Client();

        using var response = await client.GetAsync(path, Cancel);

        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task CorrelationId_GivenByCaller_IsEchoed()
    {
        using var client = sandbox.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/forms/info");
        request.Headers.Add("X-Correlation-Id", "case-2026-0042");

        using var response = await client.SendAsync(request, Cancel);

        Assert.Equal("case-2026-0042", Header(response, "X-Correlation-Id"));
    }

    [Fact]
    public async Task CorrelationId_Missing_IsCreated()
    {
        using var client = sandbox.Client();

        using var response = await client.GetAsync("/api/workflow/info", Cancel);

        Assert.Matches("^[0-9a-f]{32}$", Header(response, "X-Correlation-Id"));
    }

    [Fact]
    public async Task TraceContext_FromCaller_ContinuesInTheService()
    {
        using var client = sandbox.Client();
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/info");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        using var response = await client.SendAsync(request, Cancel);
        var info = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(traceId, info.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Body_OverTheLimit_IsRefusedWith413()
    {
        using var client = sandbox.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/forms/info")
        {
            Content = new StreamContent(new MemoryStream(new byte[SandboxApp.MaxRequestBodyBytes + 1])),
        };
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request, Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Burst_FromOneAddress_Gets429WithRetryAfter_WhileOthersAreServed()
    {
        using var noisy = sandbox.Client("127.0.0.2");
        using var quiet = sandbox.Client("127.0.0.3");

        var burst = await Task.WhenAll(Enumerable.Range(0, SandboxApp.TokenLimit * 5)
            .Select(_ => noisy.GetAsync("/api/forms/info", Cancel)));
        using var quietResponse = await quiet.GetAsync("/api/forms/info", Cancel);

        var refused = burst.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.Contains(burst, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        Assert.Equal(HttpStatusCode.OK, quietResponse.StatusCode);
        foreach (var response in burst)
        {
            response.Dispose();
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues)
        : "";
}
