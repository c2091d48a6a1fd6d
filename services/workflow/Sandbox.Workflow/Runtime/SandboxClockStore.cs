using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Hosting;

namespace Sandbox.Workflow.Runtime;

/// <summary>
/// The sandbox clock's offset in the database, one row for the whole service, so every replica on the database
/// reads the same time and a restart keeps it. Moves are one UPDATE each (two replicas advancing at once add up),
/// and note who moved the clock and when.
/// </summary>
public sealed class SandboxClockStore(WorkflowDb db, SandboxClock clock)
{
    /// <summary>Reads the stored row and sets this replica's clock from it.</summary>
    public async Task<SandboxClockRow> RefreshAsync(CancellationToken ct)
    {
        var row = await db.SandboxClock.AsNoTracking().FirstOrDefaultAsync(c => c.Id == SandboxClockRow.ServiceWide, ct)
            ?? new SandboxClockRow { Id = SandboxClockRow.ServiceWide };
        clock.Set(TimeSpan.FromTicks(row.OffsetTicks));
        return row;
    }

    /// <summary>Moves the service's clock forward by <paramref name="by"/>.</summary>
    public Task<SandboxClockRow> AdvanceAsync(TimeSpan by, string? who, CancellationToken ct) =>
        ChangeAsync(by.Ticks, relative: true, who, ct);

    /// <summary>Sets the service's clock back to the system time.</summary>
    public Task<SandboxClockRow> ResetAsync(string? who, CancellationToken ct) => ChangeAsync(0, relative: false, who, ct);

    private async Task<SandboxClockRow> ChangeAsync(long ticks, bool relative, string? who, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var row = db.SandboxClock.Where(c => c.Id == SandboxClockRow.ServiceWide);
        var changed = relative
            ? await row.ExecuteUpdateAsync(s => s.SetProperty(c => c.OffsetTicks, c => c.OffsetTicks + ticks)
                .SetProperty(c => c.ChangedBy, who).SetProperty(c => c.ChangedAt, now), ct)
            : await row.ExecuteUpdateAsync(s => s.SetProperty(c => c.OffsetTicks, ticks)
                .SetProperty(c => c.ChangedBy, who).SetProperty(c => c.ChangedAt, now), ct);
        if (changed == 0)
        {
            db.SandboxClock.Add(new SandboxClockRow { Id = SandboxClockRow.ServiceWide, OffsetTicks = ticks, ChangedBy = who, ChangedAt = now });
            await db.SaveChangesAsync(ct);
        }
        return await RefreshAsync(ct);
    }
}

/// <summary>Reads the stored offset on start and every <c>ClockRefreshInterval</c>, so a move on another replica reaches this one.</summary>
internal sealed class SandboxClockRefresher(IServiceScopeFactory scopes, WorkflowOptions options, ILogger<SandboxClockRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.ClockRefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SandboxClockStore>().RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The sandbox clock could not be read; keeping the last offset");
            }
        }
    }
}
