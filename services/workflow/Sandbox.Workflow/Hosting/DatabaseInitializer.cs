using Microsoft.EntityFrameworkCore;
using Sandbox.Data;
using Sandbox.Workflow.Data;

namespace Sandbox.Workflow.Hosting;

/// <summary>Creates the schema on start when the database is new.</summary>
internal sealed class DatabaseInitializer(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        // Pending migrations, before any background loop reads the tables (a database made by EnsureCreated is taken over).
        await SchemaMigrator.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<ILogger<DatabaseInitializer>>(), ct);
        // Background loops (timers, outbox, push jobs) write beside requests: with write-ahead logging readers
        // never block the writer and the writer never blocks readers.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
