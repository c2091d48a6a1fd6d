using Dapr.Client;
using Sandbox.Sidecar.Tests.Infrastructure;

namespace Sandbox.Sidecar.Tests.StandIn;

/// <summary>The port of a subscriber app, which may start after the sidecar.</summary>
public sealed record SubscriberAppPort(int Port);

/// <summary>
/// One sidecar process for one test: a publishing app <c>forms</c> without an app port, plus subscriber apps
/// named <c>subscriber0</c>, <c>subscriber1</c> … on the given apps' ports.
/// </summary>
public sealed class Run : IAsyncDisposable
{
    private Run(TempFolder resources, TempFolder data, SidecarApp publisher, IReadOnlyList<SidecarApp> apps)
    {
        Resources = resources;
        Data = data;
        Publisher = publisher;
        Apps = apps;
    }

    public TempFolder Resources { get; }
    public TempFolder Data { get; }
    public SidecarApp Publisher { get; }
    public IReadOnlyList<SidecarApp> Apps { get; }
    public SidecarProcess Sidecar { get; private set; } = null!;
    public DaprClient Client { get; private set; } = null!;

    public static Task<Run> StartAsync(string[] resources, params SubscriberApp[] subscribers) =>
        StartWithPortsAsync(resources, subscribers.Select(s => new SubscriberAppPort(s.Port)).ToArray());

    public static async Task<Run> StartWithPortsAsync(string[] resources, params SubscriberAppPort[] subscribers)
    {
        var apps = subscribers.Select((s, i) => SidecarApp.Create($"subscriber{i}", s.Port)).ToList();
        var run = new Run(TestResources.Folder(resources), new TempFolder(), SidecarApp.Create("forms"), apps);
        await run.RestartAsync();
        return run;
    }

    /// <summary>Starts the sidecar (again) with the same ports and data folder.</summary>
    public async Task RestartAsync()
    {
        Sidecar = await SidecarProcess.StartAsync(Resources.Path, Data.Path, [Publisher, .. Apps]);
        Client ??= Publisher.Client(SidecarProcess.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Sidecar is not null)
        {
            await Sidecar.DisposeAsync();
            // Shown with a failing test, so its cause is visible in the sidecar's own log.
            TestContext.Current.TestOutputHelper?.WriteLine(Sidecar.Output);
        }
        Resources.Dispose();
        Data.Dispose();
    }
}
