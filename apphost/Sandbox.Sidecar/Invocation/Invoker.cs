using Sandbox.Sidecar.Components;
using Sandbox.Sidecar.Hosting;

namespace Sandbox.Sidecar.Invocation;

/// <summary>Where an invocation goes: an app of this process, an HTTPEndpoint, a URL, or another sidecar process.</summary>
public sealed record InvokeTarget(Uri Uri, IReadOnlyDictionary<string, string> Headers, AppChannel? LocalApp);

/// <summary>Resolves the target of <c>/v1.0/invoke/{appId}/method/{path}</c> and the <c>dapr-app-id</c> header.</summary>
public sealed class Invoker(AppChannels apps, ResourceSet resources, SidecarRegistry registry, SidecarOptions options)
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public InvokeTarget Resolve(string callerApp, string appId, string path, string query)
    {
        path = path.TrimStart('/');
        if (apps.Find(appId) is { } local)
        {
            if (!local.HasApp) throw DaprErrors.Invoke(appId, "the app has no app port");
            return new InvokeTarget(new Uri(local.UriFor(path) + query), NoHeaders, local);
        }
        var endpoint = resources.HttpEndpoints.FirstOrDefault(e => e.Name == appId && (e.Scopes.Count == 0 || e.Scopes.Contains(callerApp)));
        if (endpoint is not null) return new InvokeTarget(Join(endpoint.BaseUrl, path, query), endpoint.Headers, null);
        if (appId.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || appId.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return new InvokeTarget(Join(new Uri(appId), path, query), NoHeaders, null);
        if (registry.HttpPortOf(appId) is { } port)
        {
            var headers = options.ApiToken is { } token ? new Dictionary<string, string> { ["dapr-api-token"] = token } : NoHeaders;
            return new InvokeTarget(new Uri($"http://127.0.0.1:{port}/v1.0/invoke/{Uri.EscapeDataString(appId)}/method/{path}{query}"), headers, null);
        }
        throw DaprErrors.Invoke(appId, $"app id {appId} is not served by this sidecar, not an HTTPEndpoint and not registered by another Sandbox.Sidecar in {options.DataPath}");
    }

    private static Uri Join(Uri baseUrl, string path, string query) => new(baseUrl.ToString().TrimEnd('/') + "/" + path + query);
}
