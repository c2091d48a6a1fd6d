using Sandbox.Data;
using Sandbox.Notifications.Data;

namespace Sandbox.Notifications.Hosting;

/// <summary>Applies the pending migrations on start (see <see cref="SchemaMigrator"/>), before the queue worker reads the database.</summary>
internal sealed class DatabaseInitializer(IServiceScopeFactory scopes, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await SchemaMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<NotificationsDb>(), logger, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
