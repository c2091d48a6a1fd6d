using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sandbox.Sidecar.Tests.Infrastructure;

/// <summary>An event as an app received it: the route it came in on and the CloudEvent body.</summary>
public sealed record ReceivedEvent(string Route, JsonObject Event, string ContentType)
{
    public string Id => Event["id"]!.ToString();
}

/// <summary>
/// An app on a random Kestrel port that subscribes with Dapr.AspNetCore (<c>MapSubscribeHandler</c>, <c>WithTopic</c>)
/// and records every event; <see cref="Answer"/> decides what it replies.
/// </summary>
public sealed class SubscriberApp : IAsyncDisposable
{
    private readonly Channel<ReceivedEvent> _events = Channel.CreateUnbounded<ReceivedEvent>();
    private WebApplication _web = null!;

    public int Port { get; private set; }

    public Func<ReceivedEvent, IResult> Answer { get; set; } = _ => Results.Ok();

    public static async Task<SubscriberApp> StartAsync(Action<WebApplication, SubscriberApp> map, int port = 0)
    {
        var subscriber = new SubscriberApp();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddRouting();
        var web = builder.Build();
        web.MapSubscribeHandler();
        map(web, subscriber);
        await web.StartAsync();
        subscriber._web = web;
        subscriber.Port = new Uri(web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return subscriber;
    }

    /// <summary>A handler for a topic route that records the event and replies with <see cref="Answer"/>.</summary>
    public RequestDelegate Record(string route) => async context =>
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
        var received = new ReceivedEvent(route, body, context.Request.ContentType ?? "");
        await _events.Writer.WriteAsync(received);
        await Answer(received).ExecuteAsync(context);
    };

    /// <summary>Waits for the next event that matches; the time limit only guards against a hang.</summary>
    public async Task<ReceivedEvent> NextAsync(Func<ReceivedEvent, bool>? match = null, int seconds = 30)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (true)
        {
            var next = await _events.Reader.ReadAsync(limit.Token);
            if (match is null || match(next)) return next;
        }
    }

    public async ValueTask DisposeAsync() => await _web.DisposeAsync();
}
