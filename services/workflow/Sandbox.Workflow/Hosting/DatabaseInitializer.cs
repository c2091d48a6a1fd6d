using Microsoft.EntityFrameworkCore;
using Sandbox.Data;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Runtime;

namespace Sandbox.Workflow.Hosting;

/// <summary>Applies the pending migrations on start, then reads the sandbox clock before any timer is due.</summary>
internal sealed class DatabaseInitializer(IServiceProvider services, WorkflowOptions options) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        // Pending migrations, before any background loop reads the tables (a database made by EnsureCreated is taken over).
        await SchemaMigrator.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<ILogger<DatabaseInitializer>>(), ct);
        if (options.SandboxClock) await scope.ServiceProvider.GetRequiredService<SandboxClockStore>().RefreshAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
