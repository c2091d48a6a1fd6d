using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every Sandbox service shares: telemetry, health checks, service discovery, resilient
/// HttpClients, ProblemDetails for every error and an OpenAPI document.
/// </summary>
public static class Extensions
{
    /// <summary>Health checks with this tag are liveness checks (answered on <c>/alive</c>).</summary>
    public const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        builder.Services.AddSandboxProblemDetails();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (ready: every check but those tagged <see cref="DownstreamTag"/>),
    /// <c>/alive</c> (live checks only), the error handler, and in development the OpenAPI
    /// document with its Scalar UI at <c>/scalar</c>.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.MapHealthChecks("/health", new() { Predicate = c => !c.Tags.Contains(DownstreamTag) });
        app.MapHealthChecks("/alive", new() { Predicate = c => c.Tags.Contains(LiveTag) });

        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi();
            app.MapScalarApiReference();
        }
        return app;
    }

    /// <summary>Checks of services behind this one; left out of this service's own <c>/health</c>.</summary>
    public const string DownstreamTag = "downstream";
}
