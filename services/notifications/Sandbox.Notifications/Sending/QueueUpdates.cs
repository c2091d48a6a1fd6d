using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore;
using Sandbox.Notifications.Data;
using Sandbox.Notifications.Templates;

namespace Sandbox.Notifications.Sending;

/// <summary>
/// The status changes of one claimed message. Each update only applies while the row still carries this worker's
/// claim token, so a worker whose lease ran out cannot overwrite the one that took over.
/// </summary>
internal sealed class QueueUpdates(NotificationsDb db, NotificationRow row, TimeProvider clock, WriteGate gate)
{
    public PreparedMessage? Rendered { get; set; }

    private IQueryable<NotificationRow> Mine => db.Notifications.Where(n => n.Id == row.Id && n.ClaimToken == row.ClaimToken);

    /// <summary>Back to the queue without counting an attempt (shutdown, rate limit).</summary>
    public async Task ReleaseAsync(DateTime next)
    {
        using var _ = await gate.EnterAsync();
        await Mine.ExecuteUpdateAsync(s => s
            .SetProperty(n => n.Status, NotificationStatus.Queued)
            .SetProperty(n => n.NextAttemptAt, next)
            .SetProperty(n => n.LeaseUntil, (DateTime?)null)
            .SetProperty(n => n.ClaimToken, (Guid?)null), CancellationToken.None);
    }

    public async Task CompleteAsync(bool captureSms)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var inApp = row.Channel == Channels.InApp;
        // The copy is kept before the status changes, so whoever sees "sent" finds it in the outbox.
        if (captureSms && row.Channel == Channels.Sms && Rendered is { } sms)
        {
            db.SandboxMessages.Add(new SandboxMessageRow
            {
                PublicId = Guid.CreateVersion7(),
                TenantId = row.TenantId,
                NotificationId = row.Id,
                Channel = Channels.Sms,
                To = sms.Outgoing.To,
                Text = sms.Outgoing.Text,
                TemplateId = row.TemplateId,
                Language = sms.Language,
                Reference = row.Reference,
                SentAt = now,
            });
            using (await gate.EnterAsync()) await db.SaveChangesAsync(CancellationToken.None);
        }
        using var _ = await gate.EnterAsync();
        await Mine.ExecuteUpdateAsync(s =>
        {
            Keep(s);
            s.SetProperty(n => n.Attempts, n => n.Attempts + 1)
                .SetProperty(n => n.SentAt, now)
                .SetProperty(n => n.LeaseUntil, (DateTime?)null)
                .SetProperty(n => n.FailureReason, (string?)null);
            if (inApp)
                s.SetProperty(n => n.Status, NotificationStatus.Delivered).SetProperty(n => n.DeliveredAt, now);
            else // the sandbox mailbox may have marked it delivered already
                s.SetProperty(n => n.Status, n => n.DeliveredAt != null ? NotificationStatus.Delivered : NotificationStatus.Sent);
        }, CancellationToken.None);
    }

    public async Task RetryAsync(DateTime next, string reason)
    {
        using var _ = await gate.EnterAsync();
        await Mine.ExecuteUpdateAsync(s =>
        {
            Keep(s);
            s.SetProperty(n => n.Status, NotificationStatus.Queued)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1)
                .SetProperty(n => n.NextAttemptAt, next)
                .SetProperty(n => n.LeaseUntil, (DateTime?)null)
                .SetProperty(n => n.ClaimToken, (Guid?)null)
                .SetProperty(n => n.FailureReason, Truncate(reason));
        }, CancellationToken.None);
    }

    public async Task FailAsync(string reason)
    {
        using var _ = await gate.EnterAsync();
        await Mine.ExecuteUpdateAsync(s =>
        {
            Keep(s);
            s.SetProperty(n => n.Status, NotificationStatus.Failed)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1)
                .SetProperty(n => n.LeaseUntil, (DateTime?)null)
                .SetProperty(n => n.FailureReason, Truncate(reason));
        }, CancellationToken.None);
    }

    // The rendered message is kept, so a retry sends what the first attempt rendered.
    private void Keep(UpdateSettersBuilder<NotificationRow> s)
    {
        if (Rendered is not { } m) return;
        s.SetProperty(n => n.To, m.Outgoing.To)
            .SetProperty(n => n.Language, m.Language)
            .SetProperty(n => n.Subject, m.Outgoing.Subject)
            .SetProperty(n => n.Text, m.Outgoing.Text)
            .SetProperty(n => n.Html, m.Outgoing.Html);
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}
