using Sandbox.Sidecar.Components;
using Sandbox.Sidecar.Hosting;

namespace Sandbox.Sidecar.PubSub;

/// <summary>Runs a <see cref="Dispatcher"/> for every pub/sub component and app of this process.</summary>
public sealed class DeliveryService(ComponentHost components, AppChannels apps, TimeProvider clock, ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var brokers = components.Brokers.ToList();
        Telemetry.ObserveQueueDepth(() => brokers.Sum(b => b.Log.Depth()));
        var logger = loggers.CreateLogger<Dispatcher>();
        return Task.WhenAll(
            from broker in brokers
            from app in apps.All
            where broker.Component.IsVisibleTo(app.Id)
            select new Dispatcher(broker, app, components.InboundRetry(app.Id, broker.Name), clock, logger).RunAsync(stoppingToken));
    }
}
