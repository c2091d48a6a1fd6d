using Sandbox.Sidecar.Invocation;

namespace Sandbox.Sidecar.Hosting;

/// <summary>Registers this process's apps for other sidecars once the ports are open, logs readiness, and unregisters on stop.</summary>
public sealed partial class Lifecycle(SidecarOptions options, SidecarRegistry registry, IHostApplicationLifetime lifetime, ILogger<Lifecycle> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            registry.Register();
            foreach (var app in options.Apps)
                LogApp(app.Id, app.AppPort, app.HttpPort, app.GrpcPort);
            LogReady(options.Apps.Count, options.ResourcesPath, options.DataPath);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        registry.Unregister();
        return Task.CompletedTask;
    }

    [LoggerMessage(LogLevel.Information, "App {AppId}: app port {AppPort}, Dapr HTTP port {HttpPort}, Dapr gRPC port {GrpcPort}")]
    private partial void LogApp(string appId, int appPort, int httpPort, int grpcPort);

    [LoggerMessage(LogLevel.Information, "Sandbox.Sidecar ready: {AppCount} app(s), resources {ResourcesPath}, data {DataPath}")]
    private partial void LogReady(int appCount, string resourcesPath, string dataPath);
}
