using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using Sandbox.Notifications.Templates;
using Sandbox.Testing;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Sandbox.Notifications.Tests.Infrastructure;

/// <summary>A mail the scripted server accepted.</summary>
public sealed record ReceivedMail(string To, string Subject, string Html, Guid? NotificationId);

/// <summary>
/// A real SMTP server on a free loopback port whose answers a test scripts by the recipient's address: a local part
/// starting <c>reject</c> gets <c>550 5.1.1</c>; one starting <c>flaky2</c> gets <c>451 4.3.0</c> on its first two
/// mails and is accepted on the third; everything else is accepted.
/// </summary>
public sealed class ScriptedSmtpServer : MessageStore, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public ScriptedSmtpServer()
    {
        Port = Ports.Free();
        var options = new SmtpServerOptionsBuilder().ServerName("scripted")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServiceProvider();
        services.Add(this);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<ReceivedMail> Accepted { get; } = new();

    /// <summary>Every DATA the server answered, per recipient, accepted or not.</summary>
    public ConcurrentDictionary<string, int> Attempts { get; } = new();

    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
        ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        var to = $"{transaction.To[0].User}@{transaction.To[0].Host}";
        var attempt = Attempts.AddOrUpdate(to, 1, (_, n) => n + 1);
        if (to.StartsWith("reject", StringComparison.OrdinalIgnoreCase))
            return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 Recipient address rejected: user unknown");
        if (to.StartsWith("flaky2", StringComparison.OrdinalIgnoreCase) && attempt <= 2)
            return new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "4.3.0 Temporary failure, try again later");
        using var stream = new MemoryStream(buffer.ToArray());
        var mail = await MimeMessage.LoadAsync(stream, cancellationToken);
        Accepted.Enqueue(new ReceivedMail(to, mail.Subject ?? "", mail.HtmlBody ?? "", EmailLayout.FindMarker(mail.HtmlBody)));
        return SmtpResponse.Ok;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
