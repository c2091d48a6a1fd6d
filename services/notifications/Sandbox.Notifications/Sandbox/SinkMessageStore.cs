using System.Buffers;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Sandbox.Data;
using Sandbox.Notifications.Data;
using Sandbox.Notifications.Templates;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Sandbox.Notifications.Sandbox;

/// <summary>
/// Stores each received mail once per recipient. A mail carrying a notification's marker is filed under that
/// notification's tenant, template, language and reference, and the notification is marked delivered; the same
/// notification's mail to the same recipient again (sent twice after a crash) is not stored twice. Mail received
/// at the same time is written together (one transaction); the SMTP reply waits until its mail is stored.
/// </summary>
public sealed class SinkMessageStore(IServiceScopeFactory scopes, TimeProvider clock, SqliteWriteGate gate, ILogger<SinkMessageStore> logger) : MessageStore
{
    private sealed record Received(MimeMessage Mail, Guid? Marker, List<string> Recipients)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly BatchedWriter<Received> _batches = new(batch => WriteBatchAsync(batch, scopes, clock, gate));

    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
        ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        var mail = await MimeMessage.LoadAsync(stream, cancellationToken);
        var received = new Received(mail, EmailLayout.FindMarker(mail.HtmlBody), transaction.To.Select(m => $"{m.User}@{m.Host}").ToList());
        _batches.Add(received);
        await received.Stored.Task.WaitAsync(cancellationToken);
        logger.LogDebug("Sandbox mailbox received {Subject} for {Count} recipients", mail.Subject, received.Recipients.Count);
        return SmtpResponse.Ok;
    }

    private static async Task WriteBatchAsync(List<Received> batch, IServiceScopeFactory scopes, TimeProvider clock, SqliteWriteGate gate)
    {
        try
        {
            await WriteAsync(batch, scopes, clock, gate);
            foreach (var r in batch) r.Stored.TrySetResult();
        }
        catch (Exception error)
        {
            foreach (var r in batch) r.Stored.TrySetException(error);
        }
    }

    private static async Task WriteAsync(List<Received> batch, IServiceScopeFactory scopes, TimeProvider clock, SqliteWriteGate gate)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        var ids = batch.Where(r => r.Marker is not null).Select(r => r.Marker!.Value).Distinct().ToList();
        var notifications = ids.Count == 0 ? [] : await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Select(n => new { n.Id, n.TenantId, n.TemplateId, n.Text, n.Language, n.Reference }).ToDictionaryAsync(n => n.Id);
        // A notification's mail sent again (a crash between the hand-over and the status update) is kept once per recipient.
        var known = notifications.Keys.ToList();
        var stored = known.Count == 0 ? [] : (await db.SandboxMessages.AsNoTracking()
            .Where(m => m.NotificationId != null && known.Contains(m.NotificationId.Value))
            .Select(m => new { m.NotificationId, m.To }).ToListAsync()).Select(m => (m.NotificationId!.Value, m.To)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (mail, marker, recipients) in batch)
        {
            var notification = marker is { } id ? notifications.GetValueOrDefault(id) : null;
            var html = mail.HtmlBody;
            foreach (var to in recipients.Count > 0 ? recipients : [string.Join(", ", mail.To.Mailboxes.Select(m => m.Address))])
            {
                if (notification is not null && !stored.Add((notification.Id, to))) continue;
                db.SandboxMessages.Add(new SandboxMessageRow
                {
                    PublicId = Guid.CreateVersion7(),
                    TenantId = notification?.TenantId,
                    NotificationId = notification?.Id,
                    Channel = Channels.Email,
                    To = to,
                    Subject = mail.Subject,
                    Text = notification?.Text ?? mail.TextBody,
                    Html = html,
                    TemplateId = notification?.TemplateId,
                    Language = notification?.Language ?? EmailLayout.FindLanguage(html),
                    Reference = notification?.Reference,
                    SentAt = now,
                });
            }
        }
        using var _ = await gate.EnterAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        if (known.Count > 0)
        {
            await db.Notifications.Where(n => known.Contains(n.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.DeliveredAt, now)
                .SetProperty(n => n.Status, n => n.Status == NotificationStatus.Sent ? NotificationStatus.Delivered : n.Status));
        }
        await transaction.CommitAsync();
    }
}
