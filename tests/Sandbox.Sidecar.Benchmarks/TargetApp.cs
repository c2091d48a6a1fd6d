using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sandbox.Sidecar.Benchmarks;

/// <summary>
/// The app under the sidecar: <c>GET /ping</c> for invocation, and a subscription to <c>bench</c> whose handler notes
/// when each message (by the sequence number in its data) arrived.
/// </summary>
public sealed class TargetApp : IAsyncDisposable
{
    private WebApplication _web = null!;

    public int Port { get; private set; }

    /// <summary>Arrival timestamps (Stopwatch ticks) by message number; waiters complete when theirs arrives.</summary>
    public ConcurrentDictionary<int, TaskCompletionSource<long>> Arrivals { get; } = new();

    public int Delivered;

    public TaskCompletionSource<long> ArrivalOf(int n) => Arrivals.GetOrAdd(n, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    public static async Task<TargetApp> StartAsync(bool subscribe)
    {
        var target = new TargetApp();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var web = builder.Build();
        web.MapGet("/ping", () => Results.Text("pong"));
        if (subscribe) web.MapGet("/dapr/subscribe", () => Results.Json(new[] { new { pubsubname = "pubsub", topic = "bench", route = "/events" } }));
        web.MapPost("/events", async (HttpRequest request) =>
        {
            var arrived = Stopwatch.GetTimestamp();
            using var body = await JsonDocument.ParseAsync(request.Body);
            var data = body.RootElement.TryGetProperty("data", out var inner) ? inner : body.RootElement;
            target.ArrivalOf(data.GetProperty("n").GetInt32()).TrySetResult(arrived);
            Interlocked.Increment(ref target.Delivered);
            return Results.Ok();
        });
        await web.StartAsync();
        target._web = web;
        target.Port = new Uri(web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return target;
    }

    public async ValueTask DisposeAsync() => await _web.DisposeAsync();
}
