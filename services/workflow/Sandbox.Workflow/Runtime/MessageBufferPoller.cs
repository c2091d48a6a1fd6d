using Sandbox.Workflow.Hosting;

namespace Sandbox.Workflow.Runtime;

/// <summary>Delivers buffered messages to catch events that started waiting after the message was published.</summary>
internal sealed class MessageBufferPoller(IServiceScopeFactory scopes, WorkflowOptions options, TimeProvider clock, ILogger<MessageBufferPoller> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.TimerPollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MessageCorrelator>().CorrelateBufferedAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Delivering buffered messages failed; retrying at the next tick");
            }
        }
    }
}
