using System.Net;
using System.Text.Json;
using Sandbox.Sidecar.Hosting;

namespace Sandbox.Sidecar.PubSub;

public enum DeliveryOutcome { Success, Retry, Drop, AppUnavailable }

/// <summary>POSTs one event to an app and reads its answer the way daprd does.</summary>
public static class DeliveryClient
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<DeliveryOutcome> DeliverAsync(AppChannel app, PendingDelivery delivery, StoredMessage message, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, app.UriFor(delivery.Path))
        {
            Content = delivery.Raw
                ? AppChannel.Content(message.Data, message.ContentType)
                : AppChannel.Content(message.Envelope, CloudEvents.ContentType),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await app.SendAsync(request, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotFound) return DeliveryOutcome.Drop;
            if (!response.IsSuccessStatusCode) return DeliveryOutcome.Retry;
            return Classify(await response.Content.ReadAsByteArrayAsync(timeout.Token));
        }
        catch (HttpRequestException error) when (error.StatusCode is null)
        {
            return DeliveryOutcome.AppUnavailable;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return DeliveryOutcome.Retry;
        }
    }

    /// <summary>A 2xx answer: an empty or non-JSON body is success; <c>{"status": ...}</c> says SUCCESS, RETRY or DROP.</summary>
    private static DeliveryOutcome Classify(byte[] body)
    {
        if (body.Length == 0) return DeliveryOutcome.Success;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("status", out var status))
                return DeliveryOutcome.Success;
            return status.GetString()?.ToUpperInvariant() switch
            {
                "SUCCESS" or "" or null => DeliveryOutcome.Success,
                "DROP" => DeliveryOutcome.Drop,
                _ => DeliveryOutcome.Retry,
            };
        }
        catch (JsonException)
        {
            return DeliveryOutcome.Success;
        }
    }
}
