using System.Net;
using Sandbox.Sidecar.Tests.Infrastructure;

namespace Sandbox.Sidecar.Tests.StandIn;

public sealed class RuntimeTests(StateFixture fixture) : IClassFixture<StateFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metadata_OverGrpcAndHttp_DescribesTheCallingApp()
    {
        var grpc = await fixture.WorkflowClient.GetMetadataAsync(Cancel);
        Assert.Equal("workflow", grpc.Id);
        Assert.Contains(grpc.Components, c => c.Name == "pubsub" && c.Type == "pubsub.in-memory");
        var http = await fixture.Http.GetStringAsync(new Uri(fixture.Forms.HttpEndpoint, "/v1.0/metadata"), Cancel);
        Assert.Contains("\"id\":\"forms\"", http);
    }

    [Fact]
    public async Task HealthAndOutboundHealth_AnswerNoContent()
    {
        await fixture.FormsClient.WaitForSidecarAsync(Cancel);
        Assert.True(await fixture.FormsClient.CheckHealthAsync(Cancel));
        var outbound = await fixture.Http.GetAsync(new Uri(fixture.Forms.HttpEndpoint, "/v1.0/healthz/outbound"), Cancel);
        Assert.Equal(HttpStatusCode.NoContent, outbound.StatusCode);
    }

    [Fact]
    public async Task UnsupportedGrpcMethod_AnswersUnimplemented_NamingIt()
    {
        var error = await Assert.ThrowsAsync<global::Dapr.DaprException>(() => fixture.FormsClient.GetConfiguration("config", ["k"], cancellationToken: Cancel));
        var rpc = Assert.IsType<global::Grpc.Core.RpcException>(error.InnerException);
        Assert.Equal(global::Grpc.Core.StatusCode.Unimplemented, rpc.StatusCode);
        Assert.Contains("GetConfiguration", rpc.Status.Detail);
    }

    [Fact]
    public async Task UnsupportedHttpApi_Answers501_NamingIt()
    {
        var response = await fixture.Http.PostAsync(new Uri(fixture.Forms.HttpEndpoint, "/v1.0-beta1/workflows/dapr/start"), null, Cancel);
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Contains("workflows", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task UnknownPubSub_FailsNamingIt()
    {
        var error = await Assert.ThrowsAsync<global::Dapr.DaprException>(() => fixture.FormsClient.PublishEventAsync("no-such-pubsub", "t", new { a = 1 }, Cancel));
        Assert.Contains("no-such-pubsub", error.InnerException?.Message);
    }
}
