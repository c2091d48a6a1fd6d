using Microsoft.EntityFrameworkCore;
using Sandbox.Forms.Attachments;
using Sandbox.Forms.Data;
using Sandbox.Forms.Hosting;

namespace Sandbox.Forms.Domain;

/// <summary>
/// Every <see cref="FormsOptions.DraftSweepInterval"/>: drafts whose time to live has passed count as abandoned, and
/// their files are removed. (The state store has already dropped the draft itself.)
/// </summary>
internal sealed class DraftSweeper(IServiceScopeFactory scopes, FormsOptions options, TimeProvider clock, Telemetry telemetry,
    ILogger<DraftSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.DraftSweepInterval, clock);
        do
        {
            try { await SweepAsync(stoppingToken); }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Expired drafts could not be swept");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Counts and cleans up the drafts expired by now; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<AttachmentFiles>();
        var now = clock.GetUtcNow();
        var expired = await db.DraftActivity.Where(d => d.ExpiresAt <= now).OrderBy(d => d.Id).Take(500).ToListAsync(ct);
        foreach (var draft in expired)
        {
            await files.DeleteUnsubmittedAsync(new DraftOwner(draft.TenantId, draft.Subject, draft.FormId), ct);
            db.DraftActivity.Remove(draft);
            await db.SaveChangesAsync(ct);
            telemetry.Abandoned(draft.FormId, draft.FormVersion);
        }
        return expired.Count;
    }
}
