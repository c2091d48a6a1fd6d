using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A Dapr-enabled service: a <see cref="DaprClient"/> for its sidecar (found through
/// <c>DAPR_HTTP_ENDPOINT</c>, <c>DAPR_GRPC_ENDPOINT</c>, <c>DAPR_API_TOKEN</c>), CloudEvents
/// subscriptions, and a readiness check that fails while the sidecar is unreachable.
/// </summary>
public static class DaprExtensions
{
    public static TBuilder AddDaprDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddDaprClient();
        builder.Services.AddHealthChecks().AddCheck<DaprSidecarHealthCheck>("dapr-sidecar");
        return builder;
    }

    /// <summary>Unwraps CloudEvents and answers the sidecar's <c>/dapr/subscribe</c>.</summary>
    public static WebApplication MapDaprDefaults(this WebApplication app)
    {
        app.UseCloudEvents();
        app.MapSubscribeHandler();
        return app;
    }

    private sealed class DaprSidecarHealthCheck(DaprClient dapr) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await dapr.CheckHealthAsync(cancellationToken)
                ? HealthCheckResult.Healthy("sidecar answered")
                : HealthCheckResult.Unhealthy("the Dapr sidecar does not answer");
    }
}
