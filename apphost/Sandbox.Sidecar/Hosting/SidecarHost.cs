using Microsoft.AspNetCore.Server.Kestrel.Core;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Sandbox.Sidecar.Components;
using Sandbox.Sidecar.Grpc;
using Sandbox.Sidecar.Http;
using Sandbox.Sidecar.Invocation;
using Sandbox.Sidecar.PubSub;

namespace Sandbox.Sidecar.Hosting;

/// <summary>Builds the sidecar: one Kestrel server with an HTTP/1.1 port and an HTTP/2 (gRPC) port per app.</summary>
public static class SidecarHost
{
    /// <summary>daprd's default limit on a request body (<c>--max-body-size 4Mi</c>).</summary>
    public const int MaxBodySize = 4 * 1024 * 1024;

    public static WebApplication Build(SidecarOptions options, ResourceSet resources)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("System.Net.Http", LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxBodySize;
            foreach (var app in options.Apps)
            {
                kestrel.ListenLocalhost(app.HttpPort, l => l.Protocols = HttpProtocols.Http1);
                kestrel.ListenLocalhost(app.GrpcPort, l => l.Protocols = HttpProtocols.Http2);
            }
        });
        var services = builder.Services;
        services.AddSingleton(options).AddSingleton(resources);
        var clock = TestClock.Enabled ? new TestClock() : null;
        services.AddSingleton<TimeProvider>(clock ?? TimeProvider.System);
        // Every call to an app passes here; per-request client logging would cost more than the hop itself.
        services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers());
        services.AddHttpClient("app").ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddHttpClient("invoke").ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddHttpClient("binding");
        services.AddSingleton<AppChannels>().AddSingleton<ComponentHost>().AddSingleton<SidecarRegistry>()
            .AddSingleton<Invoker>().AddSingleton<SidecarMetadata>();
        services.AddHostedService<SubscriptionFetcher>().AddHostedService<DeliveryService>().AddHostedService<Lifecycle>().AddHostedService<Housekeeping>();
        services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = MaxBodySize;
            o.Interceptors.Add<DaprErrorInterceptor>();
        });
        services.AddSingleton<global::Grpc.AspNetCore.Server.Model.IServiceMethodProvider<DaprGrpcService>, DaprMethodProvider>();
        services.AddSingleton<DaprGrpcService>();
        AddOpenTelemetry(services, builder.Configuration);

        var web = builder.Build();
        web.UseMiddleware<ErrorMiddleware>();
        web.UseMiddleware<ApiActivityMiddleware>();
        web.UseAppIdHeaderInvocation();
        web.MapGrpcService<DaprGrpcService>();
        web.MapStateApi();
        web.MapBuildingBlocksApi();
        web.MapInvokeApi();
        if (clock is not null) TestClock.MapTestClock(web, clock);
        web.MapRuntimeApi();
        return web;
    }

    private static void AddOpenTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        // Spans and metrics cost time on every call; collect them only when there is a collector to send them to.
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? Telemetry.Name))
            .WithTracing(t => t.AddSource(Telemetry.Name).AddOtlpExporter())
            .WithMetrics(m => m.AddMeter(Telemetry.Name).AddOtlpExporter());
    }
}
