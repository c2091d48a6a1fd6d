using Sandbox.Sidecar.Components;

namespace Sandbox.Sidecar.Hosting;

/// <summary>Once a minute: drops expired state and pub/sub messages that every app has had, so the files stay small.</summary>
public sealed partial class Housekeeping(ComponentHost components, ILogger<Housekeeping> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var store in components.StateStores) store.RemoveExpired();
                foreach (var broker in components.Brokers) broker.Log.Compact();
            }
            catch (Microsoft.Data.Sqlite.SqliteException error)
            {
                LogFailed(error);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Housekeeping of the sidecar's SQLite files failed; it is tried again in a minute")]
    private partial void LogFailed(Exception error);
}
