using Microsoft.EntityFrameworkCore;
using Sandbox.Data;
using Sandbox.Forms.Data;

namespace Sandbox.Forms.Hosting;

/// <summary>Applies the pending migrations on start (see <see cref="SchemaMigrator"/>), before the outbox publisher reads the database.</summary>
internal sealed class DatabaseInitializer(IServiceScopeFactory scopes, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        await SchemaMigrator.MigrateAsync(db, logger, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
