using Microsoft.EntityFrameworkCore;
using Sandbox.Data;
using Sandbox.Workflow.Data;

namespace Sandbox.Workflow.Hosting;

/// <summary>Applies the pending migrations on start (see <see cref="SchemaMigrator"/>), before the background loops run.</summary>
internal sealed class DatabaseInitializer(IServiceProvider services, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        await SchemaMigrator.MigrateAsync(db, logger, ct);
        // Background loops (timers, outbox, push jobs) write beside requests: with write-ahead logging readers
        // never block the writer and the writer never blocks readers.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
