using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapr.Client;
using Sandbox.Notifications.Hosting;

namespace Sandbox.Notifications.Sending;

/// <summary>A message handed to a channel.</summary>
public sealed record OutgoingMessage(Guid Id, string TenantId, string Channel, string To, string? Subject, string Text, string? Html);

/// <summary>A send that failed; <see cref="Permanent"/> failures are not tried again.</summary>
public sealed class DeliveryException(string reason, bool permanent, Exception? inner = null) : Exception(reason, inner)
{
    public bool Permanent { get; } = permanent;
}

/// <summary>Sends email and SMS. The default goes through Dapr output bindings; a deployment may put its own in.</summary>
public interface IMessageSender
{
    /// <summary>Hands the message over; throws <see cref="DeliveryException"/> when it could not.</summary>
    Task SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>
/// Email through the <c>bindings.smtp</c> binding (data = HTML, metadata <c>emailTo</c>, <c>subject</c>), SMS through
/// the SMS binding (data = JSON <c>{to, text}</c>, metadata <c>toNumber</c> and <c>fileName</c>).
/// </summary>
public sealed partial class DaprBindingSender(DaprClient dapr, NotificationsOptions options) : IMessageSender
{
    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var request = message.Channel switch
        {
            Templates.Channels.Email => new BindingRequest(options.EmailBinding, "create")
            {
                Data = Encoding.UTF8.GetBytes(message.Html ?? message.Text),
                Metadata = { ["emailTo"] = message.To, ["subject"] = message.Subject ?? "" },
            },
            Templates.Channels.Sms => new BindingRequest(options.SmsBinding, options.SmsOperation)
            {
                Data = JsonSerializer.SerializeToUtf8Bytes(new { to = message.To, text = message.Text }),
                Metadata = { ["toNumber"] = message.To, ["fileName"] = $"{message.Id}.json" },
            },
            _ => throw new DeliveryException($"Channel {message.Channel} is not sent through a binding.", permanent: true),
        };
        try
        {
            await dapr.InvokeBindingAsync(request, ct);
        }
        catch (Exception error) when (error is Dapr.DaprException or Grpc.Core.RpcException or HttpRequestException)
        {
            var detail = Detail(error);
            throw new DeliveryException(detail, IsPermanent(detail), error);
        }
    }

    /// <summary>
    /// An SMTP 5xx reply (<c>550</c>, or an enhanced status <c>5.1.1</c>) is permanent: the address is rejected and will
    /// stay so. Everything else (4xx replies, a refused connection, a missing sidecar) is worth another try.
    /// </summary>
    public static bool IsPermanent(string detail) => PermanentReply().IsMatch(detail);

    private static string Detail(Exception error)
    {
        var parts = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
            parts.Add(e is Grpc.Core.RpcException rpc ? rpc.Status.Detail : e.Message);
        return string.Join(" | ", parts.Distinct());
    }

    [GeneratedRegex(@"(?<![\d.])(5\d\d(?=[ -])|5\.\d{1,3}\.\d{1,3})")]
    private static partial Regex PermanentReply();
}
