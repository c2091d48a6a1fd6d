using System.Diagnostics.Metrics;

namespace Sandbox.Gateway;

/// <summary>The gateway's own instruments; forwarding itself is measured by ASP.NET Core and YARP.</summary>
internal static class GatewayTelemetry
{
    public const string Name = "Sandbox.Gateway";
    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> RateLimited =
        Meter.CreateCounter<long>("sandbox.gateway.rate_limited", "{request}", "Requests refused with 429");

    public static readonly Counter<long> BodyTooLarge =
        Meter.CreateCounter<long>("sandbox.gateway.body_too_large", "{request}", "Requests refused with 413");

    public static readonly Histogram<double> ServiceHealthDuration =
        Meter.CreateHistogram<double>("sandbox.gateway.service_health.duration", "ms", "Time each service took to answer its health check");
}
