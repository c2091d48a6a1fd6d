using Sandbox.Sidecar.Components;

namespace Sandbox.Sidecar.Hosting;

/// <summary>
/// Background upkeep of the SQLite files: a WAL checkpoint every second (so no caller's commit waits for one), and
/// once a minute the removal of expired state and of pub/sub messages every app has had.
/// </summary>
public sealed partial class Housekeeping(ComponentHost components, ILogger<Housekeeping> logger) : BackgroundService
{
    private const int TicksPerCleanup = 60;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        for (var tick = 1; await timer.WaitForNextTickAsync(stoppingToken); tick++)
        {
            try
            {
                SqliteFiles.CheckpointAll();
                if (tick % TicksPerCleanup != 0) continue;
                foreach (var store in components.StateStores) await store.RemoveExpiredAsync();
                foreach (var broker in components.Brokers) await broker.Log.CompactAsync();
            }
            catch (Microsoft.Data.Sqlite.SqliteException error)
            {
                LogFailed(error);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Housekeeping of the sidecar's SQLite files failed; it is tried again shortly")]
    private partial void LogFailed(Exception error);
}
