using Dapr;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sandbox.Sidecar.Tests.Infrastructure;

namespace Sandbox.Sidecar.Tests.Conformance;

/// <summary>Subscriber apps and publish-to-delivery cases, shared by the stand-in and the daprd half.</summary>
public static class PubSubCases
{
    public const string PubSub = "pubsub";

    public sealed record Order(string Id, int Amount);

    /// <summary>An app subscribed to <c>orders</c> (dead letters to <c>orders-dead</c>) and to <c>orders-dead</c>.</summary>
    public static Task<SubscriberApp> OrdersAppAsync(int port = 0) => SubscriberApp.StartAsync((web, app) =>
    {
        web.MapPost("/orders", app.Record("/orders"))
            .WithTopic(new TopicOptions { PubsubName = PubSub, Name = "orders", DeadLetterTopic = "orders-dead" });
        web.MapPost("/orders-dead", app.Record("/orders-dead")).WithTopic(PubSub, "orders-dead");
    }, port);

    public static async Task EachApp_ReceivesEveryMessage_AsCloudEvents(DaprClient publisher, string publisherId, params SubscriberApp[] apps)
    {
        var orders = Enumerable.Range(1, 5).Select(i => new Order(Guid.NewGuid().ToString("N"), i)).ToList();
        foreach (var order in orders) await publisher.PublishEventAsync(PubSub, "orders", order);
        foreach (var app in apps)
        {
            var received = new List<ReceivedEvent>();
            var wanted = orders.Select(o => o.Id).ToHashSet();
            while (wanted.Count > 0)
            {
                var next = await app.NextAsync(e => e.Route == "/orders");
                wanted.Remove(next.Event["data"]!["id"]!.ToString());
                received.Add(next);
            }
            var cloudEvent = received[0];
            Assert.StartsWith("application/cloudevents+json", cloudEvent.ContentType);
            Assert.False(string.IsNullOrEmpty(cloudEvent.Id));
            Assert.Equal(publisherId, cloudEvent.Event["source"]?.ToString());
            Assert.Equal("com.dapr.event.sent", cloudEvent.Event["type"]?.ToString());
            Assert.Equal("1.0", cloudEvent.Event["specversion"]?.ToString());
            Assert.StartsWith("application/json", cloudEvent.Event["datacontenttype"]?.ToString());
            Assert.Equal("orders", cloudEvent.Event["topic"]?.ToString());
            Assert.Equal(PubSub, cloudEvent.Event["pubsubname"]?.ToString());
            Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$", cloudEvent.Event["traceparent"]?.ToString() ?? "");
        }
    }

    /// <summary>The app keeps answering with <paramref name="answer"/>; the message ends on the dead-letter topic.</summary>
    public static async Task<int> FailingDelivery_EndsOnDeadLetterTopic(DaprClient publisher, SubscriberApp app, IResult answer)
    {
        app.Answer = e => e.Route == "/orders" ? answer : Results.Ok();
        var order = new Order(Guid.NewGuid().ToString("N"), 7);
        await publisher.PublishEventAsync(PubSub, "orders", order);
        var attempts = 0;
        while (true)
        {
            var next = await app.NextAsync(e => e.Event["data"]?["id"]?.ToString() == order.Id);
            if (next.Route == "/orders-dead") return attempts;
            attempts++;
        }
    }
}
