using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Sandbox.Data;
using Sandbox.Notifications.Data;
using Sandbox.Notifications.Hosting;
using Sandbox.Notifications.Templates;

namespace Sandbox.Notifications.Sending;

/// <summary>What became of one claimed message.</summary>
internal enum OutcomeKind
{
    /// <summary>Handed to its channel (in-app: stored, so delivered).</summary>
    Sent,
    /// <summary>A transient failure: back to the queue at <see cref="SendOutcome.Next"/>, one attempt counted.</summary>
    Retry,
    /// <summary>Given up.</summary>
    Failed,
    /// <summary>Back to the queue without counting an attempt (shutdown, rate limit).</summary>
    Released,
}

/// <summary>One claimed message's result, with what was rendered (kept, so a retry sends the same).</summary>
internal sealed record SendOutcome(NotificationRow Row, OutcomeKind Kind, PreparedMessage? Rendered = null, DateTime? Next = null, string? Reason = null)
{
    public TaskCompletionSource Recorded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Writes the results of sends together: whatever finished while the previous write ran goes into one transaction
/// (one batched SaveChanges and one statement marking mail the sandbox mailbox already received as delivered). Each
/// update applies only while the row still carries the claim's token (a concurrency token); should one not, the
/// batch is written again row by row and the row whose claim was taken over is left to its new owner.
/// </summary>
internal sealed class OutcomeRecorder(IServiceScopeFactory scopes, NotificationsOptions options, TimeProvider clock, SqliteWriteGate gate, ILogger logger)
{
    private const int MaxBatch = 500;
    private readonly Channel<SendOutcome> _outcomes = Channel.CreateUnbounded<SendOutcome>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues the outcome for the next write; the task completes once it is written (or could not be).</summary>
    public Task RecordAsync(SendOutcome outcome)
    {
        if (!_outcomes.Writer.TryWrite(outcome)) outcome.Recorded.TrySetResult();
        return outcome.Recorded.Task;
    }

    /// <summary>No more outcomes; <see cref="RunAsync"/> returns once the last is written.</summary>
    public void Complete() => _outcomes.Writer.TryComplete();

    /// <summary>Writes until <see cref="Complete"/>. Never cancelled: what was sent must be recorded.</summary>
    public async Task RunAsync()
    {
        var reader = _outcomes.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            var batch = new List<SendOutcome>();
            while (batch.Count < MaxBatch && reader.TryRead(out var outcome)) batch.Add(outcome);
            await WriteAsync(batch);
            foreach (var outcome in batch) outcome.Recorded.TrySetResult();
        }
    }

    private async Task WriteAsync(List<SendOutcome> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteTogetherAsync(batch);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                foreach (var outcome in batch) await WriteAloneAsync(outcome);
                return;
            }
            catch (Exception error) when (attempt < 5)
            {
                // The rows keep their lease: if this never succeeds they are sent again after it.
                logger.LogWarning(error, "Recording {Count} send results failed; trying again", batch.Count);
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
            catch (Exception error)
            {
                logger.LogError(error, "Recording {Count} send results failed; they will be sent again after their lease", batch.Count);
                return;
            }
        }
    }

    private async Task WriteAloneAsync(SendOutcome outcome)
    {
        try
        {
            await WriteTogetherAsync([outcome]);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Notification {NotificationId} was claimed by another sender before its result was recorded", outcome.Row.Id);
        }
    }

    private async Task WriteTogetherAsync(IReadOnlyList<SendOutcome> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var outcome in batch) Apply(db, outcome, now);
        var mail = batch.Where(o => o.Kind == OutcomeKind.Sent && o.Row.Channel != Channels.InApp).Select(o => o.Row.Id).ToList();
        using var _ = await gate.EnterAsync();
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        // The sandbox mailbox may have received the mail before its status said sent.
        if (mail.Count > 0)
            await db.Notifications.Where(n => mail.Contains(n.Id) && n.Status == NotificationStatus.Sent && n.DeliveredAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Delivered), CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private void Apply(NotificationsDb db, SendOutcome outcome, DateTime now)
    {
        var row = outcome.Row;
        var entry = db.Notifications.Attach(new NotificationRow { Id = row.Id, ClaimToken = row.ClaimToken });
        void Set(string property, object? value)
        {
            var p = entry.Property(property);
            p.CurrentValue = value;
            p.IsModified = true;
        }
        if (outcome.Rendered is { } m)
        {
            Set(nameof(NotificationRow.To), m.Outgoing.To);
            Set(nameof(NotificationRow.Language), m.Language);
            Set(nameof(NotificationRow.Subject), m.Outgoing.Subject);
            Set(nameof(NotificationRow.Text), m.Outgoing.Text);
            Set(nameof(NotificationRow.Html), m.Outgoing.Html);
        }
        if (outcome.Kind != OutcomeKind.Released) Set(nameof(NotificationRow.Attempts), row.Attempts + 1);
        Set(nameof(NotificationRow.LeaseUntil), null);
        switch (outcome.Kind)
        {
            case OutcomeKind.Sent:
                Set(nameof(NotificationRow.SentAt), now);
                Set(nameof(NotificationRow.FailureReason), null);
                if (row.Channel == Channels.InApp)
                {
                    Set(nameof(NotificationRow.Status), NotificationStatus.Delivered);
                    Set(nameof(NotificationRow.DeliveredAt), now);
                }
                else Set(nameof(NotificationRow.Status), NotificationStatus.Sent);
                // The copy is stored with the status, so whoever sees "sent" finds it in the outbox.
                if (options.CaptureSms && row.Channel == Channels.Sms && outcome.Rendered is { } sms)
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
                break;
            case OutcomeKind.Failed:
                Set(nameof(NotificationRow.Status), NotificationStatus.Failed);
                Set(nameof(NotificationRow.FailureReason), Truncate(outcome.Reason ?? ""));
                break;
            case OutcomeKind.Retry or OutcomeKind.Released:
                Set(nameof(NotificationRow.Status), NotificationStatus.Queued);
                Set(nameof(NotificationRow.NextAttemptAt), outcome.Next ?? now);
                Set(nameof(NotificationRow.ClaimToken), null);
                if (outcome.Kind == OutcomeKind.Retry) Set(nameof(NotificationRow.FailureReason), Truncate(outcome.Reason ?? ""));
                break;
        }
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}
