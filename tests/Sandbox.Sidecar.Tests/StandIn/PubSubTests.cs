using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sandbox.Sidecar.Tests.Conformance;
using Sandbox.Sidecar.Tests.Infrastructure;

namespace Sandbox.Sidecar.Tests.StandIn;

public sealed class PubSubTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoSubscriberApps_EachReceiveEveryMessage_AsCloudEvents()
    {
        await using var first = await PubSubCases.OrdersAppAsync();
        await using var second = await PubSubCases.OrdersAppAsync();
        await using var run = await Run.StartAsync([TestResources.StateStore, TestResources.PubSub], first, second);
        await PubSubCases.EachApp_ReceivesEveryMessage_AsCloudEvents(run.Client, "forms", first, second);
    }

    [Fact]
    public async Task RetryAnswer_IsRetriedPerResiliency_ThenDeadLettered()
    {
        await using var app = await PubSubCases.OrdersAppAsync();
        await using var run = await Run.StartAsync([TestResources.PubSub, TestResources.QuickRetries], app);
        var attempts = await PubSubCases.FailingDelivery_EndsOnDeadLetterTopic(run.Client, app, Results.Ok(new { status = "RETRY" }));
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task ErrorStatus_IsRetriedPerResiliency_ThenDeadLettered()
    {
        await using var app = await PubSubCases.OrdersAppAsync();
        await using var run = await Run.StartAsync([TestResources.PubSub, TestResources.QuickRetries], app);
        Assert.Equal(3, await PubSubCases.FailingDelivery_EndsOnDeadLetterTopic(run.Client, app, Results.StatusCode(500)));
    }

    [Fact]
    public async Task DropAnswer_GoesToDeadLetterWithoutRetry()
    {
        await using var app = await PubSubCases.OrdersAppAsync();
        await using var run = await Run.StartAsync([TestResources.PubSub, TestResources.QuickRetries], app);
        Assert.Equal(1, await PubSubCases.FailingDelivery_EndsOnDeadLetterTopic(run.Client, app, Results.Ok(new { status = "DROP" })));
    }

    [Fact]
    public async Task NotFoundAnswer_IsDroppedWithoutRetry()
    {
        await using var app = await PubSubCases.OrdersAppAsync();
        await using var run = await Run.StartAsync([TestResources.PubSub, TestResources.QuickRetries], app);
        Assert.Equal(1, await PubSubCases.FailingDelivery_EndsOnDeadLetterTopic(run.Client, app, Results.NotFound()));
    }

    [Fact]
    public async Task HttpPublish_WithTraceparent_ContinuesTheCallersTrace()
    {
        await using var app = await PubSubCases.OrdersAppAsync();
        await using var run = await Run.StartAsync([TestResources.PubSub], app);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(run.Publisher.HttpEndpoint, "/v1.0/publish/pubsub/orders"))
        {
            Content = new StringContent("{\"id\":\"traced\",\"amount\":1}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("dapr-api-token", SidecarProcess.Token);
        request.Headers.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        var response = await http.SendAsync(request, Cancel);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        var received = await app.NextAsync(e => e.Event["data"]?["id"]?.ToString() == "traced");
        Assert.Contains("4bf92f3577b34da6a3ce929d0e0e4736", received.Event["traceparent"]?.ToString());
    }

    [Fact]
    public async Task BulkPublish_DeliversEveryEntry()
    {
        await using var app = await PubSubCases.OrdersAppAsync();
        await using var run = await Run.StartAsync([TestResources.PubSub], app);
        var orders = new[] { new PubSubCases.Order("bulk-1", 1), new PubSubCases.Order("bulk-2", 2) };
        var response = await run.Client.BulkPublishEventAsync(PubSubCases.PubSub, "orders", orders, cancellationToken: Cancel);
        Assert.Empty(response.FailedEntries);
        var ids = new[] { await app.NextAsync(), await app.NextAsync() }.Select(e => e.Event["data"]?["id"]?.ToString()).Order();
        Assert.Equal(["bulk-1", "bulk-2"], ids);
    }

    [Fact]
    public async Task RoutingRule_OnEventType_PicksThePath()
    {
        await using var app = await SubscriberApp.StartAsync((web, sub) =>
        {
            web.MapPost("/urgent", sub.Record("/urgent")).WithTopic(new Dapr.TopicOptions { PubsubName = "pubsub", Name = "cases", Match = "event.type == \"urgent\"", Priority = 1 });
            web.MapPost("/normal", sub.Record("/normal")).WithTopic("pubsub", "cases");
        });
        await using var run = await Run.StartAsync([TestResources.PubSub], app);
        await run.Client.PublishEventAsync("pubsub", "cases", new Dapr.CloudEvent<string>("u1") { Type = "urgent", Source = new Uri("urn:test") }, Cancel);
        await run.Client.PublishEventAsync("pubsub", "cases", "n1", Cancel);
        var events = new[] { await app.NextAsync(), await app.NextAsync() };
        Assert.Equal("/urgent", Assert.Single(events, e => e.Event["data"]?.ToString() == "u1").Route);
        Assert.Equal("/normal", Assert.Single(events, e => e.Event["data"]?.ToString() == "n1").Route);
    }

    [Fact]
    public async Task DeclarativeSubscription_ScopedToApp_IsDelivered()
    {
        await using var app = await SubscriberApp.StartAsync((web, sub) => web.MapPost("/declared", sub.Record("/declared")));
        const string subscription = """
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata:
              name: declared
            spec:
              pubsubname: pubsub
              topic: declared-topic
              routes:
                default: /declared
            scopes:
              - subscriber0
            """;
        await using var run = await Run.StartAsync([TestResources.PubSub, subscription], app);
        await run.Client.PublishEventAsync("pubsub", "declared-topic", new JsonObject { ["n"] = 1 }, Cancel);
        var received = await app.NextAsync();
        Assert.Equal("/declared", received.Route);
        Assert.Equal(1, received.Event["data"]?["n"]?.GetValue<int>());
    }
}
