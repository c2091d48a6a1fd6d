using Sandbox.Workflow.Data;

namespace Sandbox.Workflow.Hosting;

/// <summary>Creates the schema on start when the database is new.</summary>
internal sealed class DatabaseInitializer(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowDb>().Database.EnsureCreatedAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
