using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Sandbox.Plugins.DistanceCheck;

namespace Sandbox.Plugins.Tests;

/// <summary>The plugin answers jobs as the workflow's push contract expects, and only to the sidecar.</summary>
public sealed class DistanceCheckJobTests : IClassFixture<DistanceCheckJobTests.PluginApp>
{
    public const string Token = "test-app-token";

    private readonly PluginApp app;

    public DistanceCheckJobTests(PluginApp app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class PluginApp : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("APP_API_TOKEN", Token);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }

    private HttpClient Sidecar(string token = Token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("dapr-api-token", token);
        return client;
    }

    private static object Job(object variables) => new
    {
        key = 2251799813685249, type = "distance-check", processInstanceId = "i-1", bpmnProcessId = "school-transport",
        elementId = "distance-check", tenantId = "bergen", retries = 3, variables, customHeaders = new { },
    };

    [Fact]
    public async Task Job_WithAddressAndSchool_AnswersTheDistance()
    {
        using var sidecar = Sidecar();

        var response = await sidecar.PostAsJsonAsync("/jobs/distance-check", Job(new { address = "Storgata 1, 5003 Bergen", school = "Nordre skole" }), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal(DistanceEstimator.DistanceKm("Storgata 1, 5003 Bergen", "Nordre skole"), body!["variables"]!["distanceKm"]!.GetValue<double>());
    }

    [Fact]
    public async Task Job_WithAnAddressObject_ReadsItsParts()
    {
        using var sidecar = Sidecar();
        var address = new { street = "Storgata 1", postalCode = "5003", city = "Bergen" };

        var response = await sidecar.PostAsJsonAsync("/jobs/distance-check", Job(new { address, school = "Nordre skole" }), Ct);

        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal(DistanceEstimator.DistanceKm("Storgata 1, 5003, Bergen", "Nordre skole"), body!["variables"]!["distanceKm"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("{\"school\": \"Nordre skole\"}", "address-unknown")]
    [InlineData("{\"address\": \"  \", \"school\": \"Nordre skole\"}", "address-unknown")]
    [InlineData("{\"address\": 42, \"school\": \"Nordre skole\"}", "address-unknown")]
    [InlineData("{\"address\": \"Storgata 1\"}", "school-unknown")]
    public async Task Job_WithoutAddressOrSchool_Answers422WithTheErrorCode(string variables, string errorCode)
    {
        using var sidecar = Sidecar();

        var response = await sidecar.PostAsJsonAsync("/jobs/distance-check", Job(JsonNode.Parse(variables)!), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal(errorCode, body!["errorCode"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["errorMessage"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Job_WithoutTheAppToken_Returns401()
    {
        using var stranger = app.CreateClient();
        using var wrong = Sidecar("wrong-token");

        var none = await stranger.PostAsJsonAsync("/jobs/distance-check", Job(new { address = "a", school = "b" }), Ct);
        var bad = await wrong.PostAsJsonAsync("/jobs/distance-check", Job(new { address = "a", school = "b" }), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task Job_ThatIsNotJson_Returns400()
    {
        using var sidecar = Sidecar();

        var response = await sidecar.PostAsync("/jobs/distance-check", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Health_Answers()
    {
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Ct)).StatusCode);
    }
}
