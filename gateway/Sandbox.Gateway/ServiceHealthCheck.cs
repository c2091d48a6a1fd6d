using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Sandbox.Gateway;

/// <summary>Asks one service behind the gateway for its own <c>/health</c>.</summary>
internal sealed class ServiceHealthCheck(IHttpClientFactory clients, IOptions<GatewayOptions> options, string service, Uri address) : IHealthCheck
{
    public const string ClientName = "service-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.HealthTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(new Uri(address, "health"), timeout.Token);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            GatewayTelemetry.ServiceHealthDuration.Record(elapsed, new KeyValuePair<string, object?>("service", service));
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy($"{service} answered {(int)response.StatusCode}")
                : HealthCheckResult.Unhealthy($"{service} answered {(int)response.StatusCode}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{service} did not answer within {options.Value.HealthTimeout.TotalSeconds} s");
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy($"{service} could not be reached: {ex.Message}");
        }
    }
}
