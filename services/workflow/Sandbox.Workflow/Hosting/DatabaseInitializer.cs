using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Runtime;

namespace Sandbox.Workflow.Hosting;

/// <summary>Creates the schema on start when the database is new, then reads the sandbox clock before any timer is due.</summary>
internal sealed class DatabaseInitializer(IServiceProvider services, WorkflowOptions options) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        await db.Database.EnsureCreatedAsync(ct);
        // Background loops (timers, outbox, push jobs) write beside requests: with write-ahead logging readers
        // never block the writer and the writer never blocks readers.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        if (options.SandboxClock) await scope.ServiceProvider.GetRequiredService<SandboxClockStore>().RefreshAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
