using System.Buffers;
using System.Net;
using Sandbox.Notifications.Hosting;
using SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Sandbox.Notifications.Sandbox;

/// <summary>
/// The sandbox mailbox: an SMTP server (no TLS, no authentication; loopback by default) that the <c>email</c>
/// binding points at in the sandbox. It stores every mail it receives, so the outbox shows what citizens got.
/// Runs only when <c>Sandbox:Notifications:SmtpSink:Port</c> is set.
/// </summary>
public sealed class SmtpSink(NotificationsOptions options, SinkMessageStore store, ILogger<SmtpSink> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.SmtpSink.Port is not { } port) return;
        var endpoint = new IPEndPoint(IPAddress.Parse(options.SmtpSink.Address), port);
        var smtpOptions = new SmtpServerOptionsBuilder()
            .ServerName("sandbox-mailbox")
            .Endpoint(b => b.Endpoint(endpoint))
            .MaxMessageSize(10 * 1024 * 1024)
            .Build();
        var services = new SmtpServiceProvider();
        services.Add(store);
        var server = new SmtpServer.SmtpServer(smtpOptions, services);
        logger.LogInformation("Sandbox mailbox listening on {Endpoint}", endpoint);
        try
        {
            await server.StartAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
