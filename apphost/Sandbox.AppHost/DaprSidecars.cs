using System.Net;
using System.Reflection;
using System.Net.Sockets;
using System.Security.Cryptography;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sandbox.AppHost;

/// <summary>
/// Gives each Dapr-enabled service its sidecar: the real <c>daprd</c> (one per service) when it is
/// installed, else one Sandbox.Sidecar process serving all of them. Either way a service finds its
/// sidecar through <c>DAPR_HTTP_ENDPOINT</c>, <c>DAPR_GRPC_ENDPOINT</c> and <c>DAPR_API_TOKEN</c>.
/// </summary>
internal static class DaprSidecars
{
    public static void AddDaprSidecars(this IDistributedApplicationBuilder builder, string dataDir, int smtpPort,
        IReadOnlyList<IResourceBuilder<ProjectResource>> services)
    {
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
        var resourcesPath = LocalComponents.Render(Path.Combine(repositoryRoot, "deploy", "dapr", "local"), dataDir, smtpPort);
        // Fresh tokens each start: only processes started by this app host can call the sidecars (DAPR_API_TOKEN),
        // and the services answer their Dapr-only endpoints only to the sidecars (APP_API_TOKEN).
        var token = NewToken();
        var appToken = NewToken();
        var apps = services.Select(s => (Service: s, Http: FreePort(), Grpc: FreePort())).ToList();
        foreach (var (service, http, grpc) in apps)
        {
            service.WithEnvironment("DAPR_HTTP_ENDPOINT", Loopback(http))
                .WithEnvironment("DAPR_GRPC_ENDPOINT", Loopback(grpc))
                .WithEnvironment("DAPR_API_TOKEN", token)
                .WithEnvironment("APP_API_TOKEN", appToken);
        }

        if (FindDaprd() is { } daprd)
        {
            foreach (var (service, http, grpc) in apps)
            {
                var appPort = service.GetEndpoint("http").Property(EndpointProperty.Port);
                builder.AddExecutable($"{service.Resource.Name}-dapr", daprd, repositoryRoot,
                        "--app-id", service.Resource.Name, "--app-port", appPort,
                        "--dapr-http-port", http.ToString(), "--dapr-grpc-port", grpc.ToString(),
                        "--resources-path", resourcesPath)
                    .WithEnvironment("DAPR_API_TOKEN", token)
                    .WithEnvironment("APP_API_TOKEN", appToken)
                    .WithParentRelationship(service)
                    .WaitFor(service);
            }
            return;
        }

        // Relative paths in the component files (secrets file, storage folders) are relative to the
        // repository root, as for a daprd started there; so the stand-in runs there too.
        var sidecar = builder.AddExecutable("sidecar", "dotnet", repositoryRoot, SidecarAssembly(),
                "--resources-path", resourcesPath, "--data", Path.Combine(dataDir, "sidecar"))
            .WithEnvironment("DAPR_API_TOKEN", token)
            .WithEnvironment("APP_API_TOKEN", appToken)
            .WithOtlpExporter()
            .WithHealthCheck(AddHealthCheck(builder, apps[0].Http));
        foreach (var (service, http, grpc) in apps)
        {
            sidecar.WithArgs("--app", $"{service.Resource.Name}:{AppPort(service)}:{http}:{grpc}");
        }
    }

    /// <summary>
    /// The port the service is reached on (its launch profile's, behind Aspire's proxy). Known before
    /// anything starts, so the one sidecar can be told every app's port while the apps wait for it.
    /// </summary>
    private static int AppPort(IResourceBuilder<ProjectResource> service) =>
        service.Resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http").Port
        ?? throw new InvalidOperationException($"{service.Resource.Name} needs a fixed http port in its launch profile");

    /// <summary>The stand-in as built with the app host (the app host references it, so it is built in the same configuration).</summary>
    private static string SidecarAssembly()
    {
        var project = Path.GetDirectoryName(new Projects.Sandbox_Sidecar().ProjectPath)!;
        var configuration = typeof(DaprSidecars).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        return Path.Combine(project, "bin", configuration, "net10.0", "Sandbox.Sidecar.dll");
    }

    /// <summary><c>daprd</c> on PATH or where <c>dapr init --slim</c> puts it.</summary>
    private static string? FindDaprd()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dapr", "bin"));
        return candidates.Where(dir => dir.Length > 0).Select(dir => Path.Combine(dir, "daprd")).FirstOrDefault(File.Exists);
    }

    private static string AddHealthCheck(IDistributedApplicationBuilder builder, int httpPort)
    {
        const string key = "sidecar-healthz";
        var healthz = new Uri($"http://127.0.0.1:{httpPort}/v1.0/healthz");
        builder.Services.AddHealthChecks().AddAsyncCheck(key, async cancellationToken =>
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            try
            {
                using var response = await client.GetAsync(healthz, cancellationToken);
                return response.IsSuccessStatusCode ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"healthz answered {(int)response.StatusCode}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return HealthCheckResult.Unhealthy(ex.Message);
            }
        });
        return key;
    }

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    private static string Loopback(int port) => "http://127.0.0.1:" + port;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
