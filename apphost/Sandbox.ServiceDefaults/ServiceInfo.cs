using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.Extensions.Hosting;

/// <summary>What a service says about itself: name, build, environment, and the trace of this request.</summary>
public sealed record ServiceInfo(string Service, string Version, string Environment, DateTimeOffset StartedAt, string? TraceId);

public static class ServiceInfoExtensions
{
    private static readonly DateTimeOffset StartedAt = DateTimeOffset.UtcNow;

    /// <summary>Maps <c>GET info</c> under the given group: a cheap, anonymous self-description.</summary>
    public static RouteHandlerBuilder MapServiceInfo(this IEndpointRouteBuilder group, string service) =>
        group.MapGet("/info", (IHostEnvironment env) => Info(service, env))
            .WithName($"{service}-info")
            .WithSummary("Describes the running service")
            .AllowAnonymous();

    private static Ok<ServiceInfo> Info(string service, IHostEnvironment env)
    {
        var assembly = Assembly.GetEntryAssembly();
        var version = assembly?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        return TypedResults.Ok(new ServiceInfo(service, version, env.EnvironmentName, StartedAt, Activity.Current?.TraceId.ToString()));
    }
}
