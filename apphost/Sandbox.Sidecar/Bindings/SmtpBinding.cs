using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Sandbox.Sidecar.Components;

namespace Sandbox.Sidecar.Bindings;

/// <summary>
/// <c>bindings.smtp</c>: sends the data as an HTML mail. Metadata names follow Dapr's smtp binding; the request's
/// <c>emailFrom</c>, <c>emailTo</c>, <c>emailCC</c>, <c>emailBCC</c>, <c>subject</c> and <c>priority</c> override the component's.
/// </summary>
public sealed class SmtpBinding(Component component) : IOutputBinding
{
    private readonly string _host = component.Get("host") ?? throw new ResourceException(component.Source, $"binding '{component.Name}' needs 'host'");
    private readonly int _port = int.TryParse(component.Get("port"), out var port) ? port
        : throw new ResourceException(component.Source, $"binding '{component.Name}' needs a numeric 'port'");

    public IReadOnlyList<string> Operations { get; } = ["create"];

    public async Task<BindingResult> InvokeAsync(string operation, byte[] data, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellation)
    {
        if (operation != "create")
            throw DaprErrors.Binding(component.Name, $"binding {component.Name} does not support operation {operation}; it supports create");
        string? Pick(string key) => metadata.GetValueOrDefault(key) is { Length: > 0 } v ? v : component.Get(key);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(Pick("emailFrom") ?? throw DaprErrors.Binding(component.Name, "smtp binding error: emailFrom is empty")));
        AddAll(message.To, Pick("emailTo") ?? throw DaprErrors.Binding(component.Name, "smtp binding error: emailTo is empty"));
        AddAll(message.Cc, Pick("emailCC"));
        AddAll(message.Bcc, Pick("emailBCC"));
        message.Subject = Pick("subject") ?? "";
        if (int.TryParse(Pick("priority"), out var priority))
            message.Priority = priority <= 2 ? MessagePriority.Urgent : priority >= 4 ? MessagePriority.NonUrgent : MessagePriority.Normal;
        message.Body = new TextPart("html") { Text = Encoding.UTF8.GetString(data) };

        using var client = new SmtpClient();
        if (bool.TryParse(component.Get("skipTLSVerify"), out var skip) && skip)
            client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        try
        {
            await client.ConnectAsync(_host, _port, SecureSocketOptions.StartTlsWhenAvailable, cancellation);
            if (component.Get("user") is { } user) await client.AuthenticateAsync(user, component.Get("password") ?? "", cancellation);
            await client.SendAsync(message, cancellation);
            await client.DisconnectAsync(true, cancellation);
        }
        catch (SmtpCommandException error)
        {
            // The reply code first, so a caller can tell a refused address (5xx) from a passing trouble (4xx).
            throw DaprErrors.Binding(component.Name, $"smtp binding error: {(int)error.StatusCode} {error.Message}");
        }
        catch (Exception error) when (error is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or AuthenticationException)
        {
            throw DaprErrors.Binding(component.Name, $"smtp binding error: {error.Message}");
        }
        return BindingResult.Empty();
    }

    private static void AddAll(InternetAddressList list, string? addresses)
    {
        if (string.IsNullOrWhiteSpace(addresses)) return;
        foreach (var address in addresses.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            list.Add(MailboxAddress.Parse(address));
    }
}
