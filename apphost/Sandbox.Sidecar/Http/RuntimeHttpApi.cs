using Sandbox.Sidecar.Components;
using Sandbox.Sidecar.Hosting;

namespace Sandbox.Sidecar.Http;

/// <summary>Health, metadata and shutdown over HTTP, and daprd's answer for APIs this sidecar does not serve.</summary>
public static class RuntimeHttpApi
{
    public static void MapRuntimeApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1.0/healthz", () => Results.NoContent());
        routes.MapGet("/v1.0/healthz/outbound", () => Results.NoContent());
        routes.MapGet("/v1.0/metadata", (HttpContext context, SidecarMetadata metadata) => Results.Json(metadata.Describe(context.App())));
        routes.MapPost("/v1.0/shutdown", (HttpContext context, IHostApplicationLifetime lifetime, ILogger<SidecarMetadata> logger) =>
        {
            logger.LogInformation("App {AppId} asked the sidecar to shut down", context.App().Id);
            lifetime.StopApplication();
            return Results.NoContent();
        });
        foreach (var prefix in new[] { "/v1.0", "/v1.0-alpha1", "/v1.0-alpha2", "/v1.0-beta1" })
        {
            routes.Map(prefix + "/{api}/{**rest}", (string api) => Unsupported($"{prefix}/{api}"));
            routes.Map(prefix + "/{api}", (string api) => Unsupported($"{prefix}/{api}"));
        }
    }

    private static IResult Unsupported(string api) => throw DaprErrors.NotSupported($"the {api} API");
}

/// <summary>What <c>/v1.0/metadata</c> and gRPC <c>GetMetadata</c> say about one app's sidecar.</summary>
public sealed class SidecarMetadata(ComponentHost components, SidecarOptions options)
{
    public const string RuntimeVersion = "sandbox-1.0";

    public object Describe(AppChannel app) => new
    {
        id = app.Id,
        runtimeVersion = RuntimeVersion,
        enabledFeatures = Array.Empty<string>(),
        components = components.VisibleTo(app.Id).Select(c => new { name = c.Name, type = c.Type, version = c.Version, capabilities = Capabilities(c.Type) }),
        subscriptions = app.KnownSubscriptions.Select(s => new
        {
            pubsubname = s.PubsubName,
            topic = s.Topic,
            deadLetterTopic = s.DeadLetterTopic ?? "",
            rules = new { rules = s.Rules.Select(r => new { match = r.Match, path = r.Path }).Append(new { match = "", path = s.DefaultPath }) },
            type = s.Declarative ? "DECLARATIVE" : "PROGRAMMATIC",
        }),
        appConnectionProperties = new { port = app.Endpoint.AppPort, protocol = "http", channelAddress = options.ChannelAddress },
        extended = new Dictionary<string, string> { ["daprRuntimeVersion"] = RuntimeVersion, ["sandbox.dataPath"] = options.DataPath },
    };

    public static string[] Capabilities(string type) => type switch
    {
        "state.sqlite" => ["ETAG", "TRANSACTIONAL", "TTL"],
        _ => [],
    };
}
