using System.Net;
using System.Text;
using Sandbox.Sidecar.Tests.Conformance;

namespace Sandbox.Sidecar.Tests.StandIn;

public sealed class StateTests(StateFixture fixture) : IClassFixture<StateFixture>
{
    [Fact] public Task SaveThenGet_ReturnsValueAndEtag() => StateCases.SaveThenGet_ReturnsValueAndEtag(fixture.FormsClient);
    [Fact] public Task TrySave_WithStaleEtag_ReturnsFalse() => StateCases.TrySave_WithStaleEtag_ReturnsFalseAndKeepsValue(fixture.FormsClient);
    [Fact] public Task Transaction_WithStaleEtag_RollsBack() => StateCases.Transaction_WithStaleEtag_RollsBackEveryOperation(fixture.FormsClient);
    [Fact] public Task Transaction_AppliesAllOperations() => StateCases.Transaction_Applies_AllOperations(fixture.FormsClient);
    [Fact] public Task BulkGetAndBulkDelete() => StateCases.BulkGet_ReturnsFoundAndMissingKeys_AndBulkDeleteRemoves(fixture.FormsClient);
    [Fact] public Task FirstWrite_DoesNotOverwrite() => StateCases.FirstWrite_WithoutEtag_DoesNotOverwrite(fixture.FormsClient);
    [Fact] public Task UnknownStore_FailsNamingTheStore() => StateCases.UnknownStore_FailsNamingTheStore(fixture.FormsClient);

    [Fact]
    public async Task Keys_ArePrefixedByAppId_SoAppsDoNotSeeEachOthersState()
    {
        var key = "shared-" + Guid.NewGuid().ToString("N");
        await fixture.FormsClient.SaveStateAsync(StateCases.Store, key, "from forms", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Null(await fixture.WorkflowClient.GetStateAsync<string>(StateCases.Store, key, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("from forms", await fixture.FormsClient.GetStateAsync<string>(StateCases.Store, key, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Ttl_ExpiresWhenTheClockPassesIt()
    {
        var key = "ttl-" + Guid.NewGuid().ToString("N");
        var ttl = new Dictionary<string, string> { ["ttlInSeconds"] = "3600" };
        await fixture.FormsClient.SaveStateAsync(StateCases.Store, key, "short-lived", metadata: ttl, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("short-lived", await fixture.FormsClient.GetStateAsync<string>(StateCases.Store, key, cancellationToken: TestContext.Current.CancellationToken));

        var advance = await fixture.Http.PostAsync(new Uri(fixture.Forms.HttpEndpoint, "/sandbox-test/clock/advance?seconds=3601"), null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, advance.StatusCode);

        Assert.Null(await fixture.FormsClient.GetStateAsync<string>(StateCases.Store, key, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Http_EtagMismatch_Answers409()
    {
        var key = "http-" + Guid.NewGuid().ToString("N");
        var url = new Uri(fixture.Forms.HttpEndpoint, "/v1.0/state/statestore");
        var save = await fixture.Http.PostAsync(url, Json($$$"""[{"key":"{{{key}}}","value":{"n":1}}]"""), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, save.StatusCode);
        var conflict = await fixture.Http.PostAsync(url, Json($$$"""[{"key":"{{{key}}}","value":{"n":2},"etag":"stale"}]"""), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("""{"n":1}""", await fixture.Http.GetStringAsync(new Uri(url + "/" + key), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Http_MalformedJson_Answers400WithErrorCode()
    {
        var response = await fixture.Http.PostAsync(new Uri(fixture.Forms.HttpEndpoint, "/v1.0/state/statestore"), Json("[{\"key\": "), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ERR_MALFORMED_REQUEST", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Http_UnknownStore_Answers400NamingIt()
    {
        var response = await fixture.Http.GetAsync(new Uri(fixture.Forms.HttpEndpoint, "/v1.0/state/missing-store/k"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("ERR_STATE_STORE_NOT_FOUND", body);
        Assert.Contains("missing-store", body);
    }

    [Fact]
    public async Task OversizedPayload_IsRefused_OverHttpAndGrpc()
    {
        var big = new string('x', 4 * 1024 * 1024 + 10);
        // Expect: 100-continue lets the sidecar refuse before the body is sent, as a well-behaved client uploads.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Forms.HttpEndpoint, "/v1.0/state/statestore"))
        {
            Content = Json($$"""[{"key":"big","value":"{{big}}"}]"""),
        };
        request.Headers.ExpectContinue = true;
        var http = await fixture.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, http.StatusCode);
        var grpc = await Assert.ThrowsAsync<global::Dapr.DaprException>(() => fixture.FormsClient.SaveStateAsync(StateCases.Store, "big", big, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(global::Grpc.Core.StatusCode.ResourceExhausted, Assert.IsType<global::Grpc.Core.RpcException>(grpc.InnerException).StatusCode);
    }

    [Fact]
    public async Task BadApiToken_IsRefused_OverHttpAndGrpc()
    {
        using var anonymous = new HttpClient();
        anonymous.DefaultRequestHeaders.Add("dapr-api-token", "wrong");
        var http = await anonymous.GetAsync(new Uri(fixture.Forms.HttpEndpoint, "/v1.0/state/statestore/k"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, http.StatusCode);
        using var client = fixture.Forms.Client("wrong");
        var grpc = await Assert.ThrowsAsync<global::Dapr.DaprException>(() => client.GetStateAsync<string>(StateCases.Store, "k", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(global::Grpc.Core.StatusCode.Unauthenticated, Assert.IsType<global::Grpc.Core.RpcException>(grpc.InnerException).StatusCode);
        var health = await anonymous.GetAsync(new Uri(fixture.Forms.HttpEndpoint, "/v1.0/healthz"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, health.StatusCode);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
