using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sandbox.Gateway;

/// <summary>
/// <c>GET /health/ready</c>: 200 only when every service the gateway routes to answers its own
/// health check; the body lists each one, so a script waiting on it can say what is missing.
/// </summary>
internal static class ServiceHealth
{
    public static IServiceCollection AddServiceHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        // Probes must answer fast and plainly: no retries, no circuit breaker hiding a dead service.
#pragma warning disable EXTEXP0001 // The supported way to opt one client out of the defaults' resilience handler.
        services.AddHttpClient(ServiceHealthCheck.ClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        var checks = services.AddHealthChecks();
        foreach (var (service, address) in Destinations(configuration))
        {
            checks.AddTypeActivatedCheck<ServiceHealthCheck>(service, HealthStatus.Unhealthy,
                [Extensions.DownstreamTag], service, address);
        }
        return services;
    }

    public static IEndpointRouteBuilder MapServiceHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Extensions.DownstreamTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "application/json; charset=utf-8";
                return context.Response.WriteAsync(ToJson(report));
            },
        });
        return app;
    }

    /// <summary>The first destination of each reverse-proxy cluster, keyed by cluster id (the service name).</summary>
    internal static IEnumerable<(string Service, Uri Address)> Destinations(IConfiguration configuration) =>
        configuration.GetSection("ReverseProxy:Clusters").GetChildren()
            .Select(cluster => (cluster.Key, Address: cluster.GetSection("Destinations").GetChildren()
                .Select(d => d["Address"]).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a))))
            .Where(c => c.Address is not null)
            .Select(c => (c.Key, new Uri(c.Address!)));

    internal static string ToJson(HealthReport report) => JsonSerializer.Serialize(new
    {
        status = report.Status.ToString(),
        totalMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
        services = report.Entries.ToDictionary(e => e.Key, e => new
        {
            status = e.Value.Status.ToString(),
            durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            description = e.Value.Description,
        }),
    });
}
