using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sandbox.AppHost;

internal static class SandboxResources
{
    /// <summary>
    /// Where every service keeps its files: <c>SANDBOX_DATA</c>, else <c>.sandbox-data/</c> at the
    /// repository root. Deleting the folder resets the sandbox.
    /// </summary>
    public static string SandboxDataDirectory(this IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration["SANDBOX_DATA"];
        var path = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(builder.AppHostDirectory, "..", "..", ".sandbox-data")
            : configured;
        return Path.GetFullPath(path);
    }

    /// <summary>The one port the sandbox is reached on from outside: <c>Sandbox:GatewayPort</c>, default 8080.</summary>
    public static int GatewayPort(this IDistributedApplicationBuilder builder) =>
        builder.Configuration.GetValue("Sandbox:GatewayPort", 8080);

    /// <summary>
    /// The gateway listens on the fixed <c>Sandbox:GatewayPort</c> (8080) without Aspire's proxy in
    /// front, so it sees each client's own address (rate limits are per client IP). It starts beside
    /// the services, not after them, so start-up takes as long as the slowest service rather than the
    /// sum; it is healthy only when all of them are. Settings under <c>Gateway</c> in the app
    /// host's configuration are passed through to it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddGateway(this IDistributedApplicationBuilder builder,
        IReadOnlyList<IResourceBuilder<ProjectResource>> services)
    {
        var port = builder.GatewayPort();
        var gateway = builder.AddProject<Projects.Sandbox_Gateway>("gateway")
            .WithHttpEndpoint(port: port, name: "http", isProxied: false)
            .WithHttpHealthCheck("/health/ready");
        foreach (var service in services)
        {
            gateway.WithReference(service);
        }
        foreach (var setting in builder.Configuration.GetSection("Gateway").AsEnumerable())
        {
            if (setting.Value is not null)
            {
                gateway.WithEnvironment(setting.Key.Replace(":", "__", StringComparison.Ordinal), setting.Value);
            }
        }
        var packages = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "..", "deploy", "eservices"));
        builder.Eventing.Subscribe<ResourceReadyEvent>(gateway.Resource, async (ready, cancellationToken) =>
        {
            var logger = ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Sandbox");
            try
            {
                await new EServiceSeeder(new Uri("http://127.0.0.1:" + port), packages, logger).DeployAllAsync(cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                logger.LogError(e, "The sample e-services could not be deployed");
            }
            logger.LogInformation("Sandbox is ready: portal http://localhost:{Port}, every service healthy", port);
        });
        return gateway;
    }
}
