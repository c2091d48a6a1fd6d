using Sandbox.Testing;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Sandbox.EndToEnd.Tests;

/// <summary>
/// The whole sandbox started once for the test collection through the real app host, on a free
/// gateway port and a throw-away data folder, with a small rate limit so a burst can be shown.
/// </summary>
public sealed class SandboxApp : IAsyncLifetime
{
    public const int TokenLimit = 40;
    public const int TokensPerSecond = 20;
    public const long MaxRequestBodyBytes = 25 * 1024 * 1024;

    private readonly string _dataDir = Directory.CreateTempSubdirectory("sandbox-e2e-").FullName;
    private DistributedApplication? _app;

    public Uri Gateway { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var port = Ports.Free();
        Gateway = new Uri($"http://127.0.0.1:{port}");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Sandbox_AppHost>(
        [
            $"--Sandbox:GatewayPort={port}",
            $"--SANDBOX_DATA={_dataDir}",
            // The one sidecar is told each app's launch-profile port; the testing builder would randomise them.
            "--DcpPublisher:RandomizePorts=false",
            $"--Gateway:RateLimit:TokenLimit={TokenLimit}",
            $"--Gateway:RateLimit:TokensPerSecond={TokensPerSecond}",
        ], (options, _) => options.DisableDashboard = true);
        _app = await builder.BuildAsync();

        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        await _app.StartAsync(startup.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", startup.Token);
    }

    /// <summary>A client whose requests come from the given loopback address (each address is its own rate-limit partition).</summary>
    public HttpClient Client(string sourceAddress = "127.0.0.1") =>
        new(new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        { BaseAddress = Gateway };


    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        Directory.Delete(_dataDir, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxApp>
{
    public const string Name = "sandbox";
}
