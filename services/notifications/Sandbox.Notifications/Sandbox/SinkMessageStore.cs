using System.Buffers;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Sandbox.Notifications.Data;
using Sandbox.Notifications.Templates;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Sandbox.Notifications.Sandbox;

/// <summary>
/// Stores each received mail once per recipient. A mail carrying a notification's marker is filed under that
/// notification's tenant, template, language and reference, and the notification is marked delivered.
/// </summary>
public sealed class SinkMessageStore(IServiceScopeFactory scopes, TimeProvider clock, WriteGate gate, ILogger<SinkMessageStore> logger) : MessageStore
{
    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
        ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        var mail = await MimeMessage.LoadAsync(stream, cancellationToken);
        var html = mail.HtmlBody;
        var marker = EmailLayout.FindMarker(html);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        var notification = marker is { } id ? await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, cancellationToken) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var recipients = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
        foreach (var to in recipients.Count > 0 ? recipients : [string.Join(", ", mail.To.Mailboxes.Select(m => m.Address))])
        {
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
        using var _ = await gate.EnterAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (notification is not null)
        {
            await db.Notifications.Where(n => n.Id == notification.Id).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.DeliveredAt, now)
                .SetProperty(n => n.Status, n => n.Status == NotificationStatus.Sent ? NotificationStatus.Delivered : n.Status), cancellationToken);
        }
        logger.LogDebug("Sandbox mailbox received {Subject} for {Count} recipients", mail.Subject, recipients.Count);
        return SmtpResponse.Ok;
    }
}
