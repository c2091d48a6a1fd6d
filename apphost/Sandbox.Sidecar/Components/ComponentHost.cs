using Sandbox.Sidecar.Bindings;
using Sandbox.Sidecar.Hosting;
using Sandbox.Sidecar.PubSub;
using Sandbox.Sidecar.Secrets;
using Sandbox.Sidecar.State;

namespace Sandbox.Sidecar.Components;

/// <summary>
/// The live components built from the resources path, found by name for an app. A component whose <c>scopes</c>
/// leave the app out is not found, exactly as if it were not declared.
/// </summary>
public sealed class ComponentHost
{
    public static readonly IReadOnlyList<string> SupportedTypes =
        ["state.sqlite", "pubsub.in-memory", "bindings.localstorage", "bindings.smtp", "bindings.http", "secretstores.local.file", "secretstores.local.env"];

    private readonly Dictionary<string, object> _live = new();
    private readonly ResourceSet _resources;

    public ComponentHost(ResourceSet resources, SidecarOptions options, TimeProvider clock, IHttpClientFactory clients)
    {
        Directory.CreateDirectory(options.DataPath);
        var appIds = options.Apps.Select(a => a.Id).ToList();
        var components = resources.Components.Where(c => c.Type.StartsWith("secretstores.", StringComparison.Ordinal))
            .Concat(resources.Components.Where(c => !c.Type.StartsWith("secretstores.", StringComparison.Ordinal)));
        foreach (var declared in components)
        {
            var component = ResolveSecrets(declared);
            _live[component.Name] = component.Type switch
            {
                "state.sqlite" => new SqliteStateStore(component, options.DataPath, clock),
                "pubsub.in-memory" => new Broker(component, options.DataPath, clock, appIds),
                "bindings.localstorage" => new LocalStorageBinding(component),
                "bindings.smtp" => new SmtpBinding(component),
                "bindings.http" => new HttpBinding(component, clients.CreateClient("binding")),
                "secretstores.local.file" => new LocalFileSecretStore(component),
                "secretstores.local.env" => new LocalEnvSecretStore(component),
                _ => throw new ResourceException(component.Source,
                    $"component '{component.Name}' has type '{component.Type}', which Sandbox.Sidecar does not implement (it implements {string.Join(", ", SupportedTypes)})"),
            };
        }
        _resources = resources with { Components = resources.Components.Select(ResolveSecrets).ToList() };
    }

    public IReadOnlyList<Component> VisibleTo(string appId) => _resources.Components.Where(c => c.IsVisibleTo(appId)).ToList();

    public IEnumerable<Broker> Brokers => _live.Values.OfType<Broker>();

    public IEnumerable<SqliteStateStore> StateStores => _live.Values.OfType<SqliteStateStore>();

    public SqliteStateStore StateStore(string appId, string name) => Find<SqliteStateStore>(appId, name) ?? throw DaprErrors.StoreNotFound(name);

    public Broker PubSub(string appId, string name) => Find<Broker>(appId, name) ?? throw DaprErrors.PubsubNotFound(name);

    public IOutputBinding Binding(string appId, string name) => Find<IOutputBinding>(appId, name) ?? throw DaprErrors.BindingNotFound(name);

    public ISecretStore SecretStore(string appId, string name) => Find<ISecretStore>(appId, name) ?? throw DaprErrors.SecretStoreNotFound(name);

    /// <summary>The retry policy a Resiliency resource sets for deliveries from this pub/sub to this app.</summary>
    public RetryPolicy InboundRetry(string appId, string component) =>
        _resources.Resiliencies.Where(r => r.Scopes.Count == 0 || r.Scopes.Contains(appId))
            .Select(r => r.InboundRetryByComponent.TryGetValue(component, out var policy) ? r.Retries[policy] : null)
            .FirstOrDefault(p => p is not null) ?? RetryPolicy.Default;

    private T? Find<T>(string appId, string name) where T : class =>
        _resources.Components.FirstOrDefault(c => c.Name == name)?.IsVisibleTo(appId) == true ? _live.GetValueOrDefault(name) as T : null;

    private Component ResolveSecrets(Component component)
    {
        if (component.SecretRefs.Count == 0) return component;
        var storeName = component.SecretStore ?? "kubernetes";
        if (_live.GetValueOrDefault(storeName) is not ISecretStore store)
            throw new ResourceException(component.Source, $"component '{component.Name}' takes secrets from '{storeName}', which is not a secret store declared here");
        var metadata = new Dictionary<string, string>(component.Metadata);
        foreach (var (key, reference) in component.SecretRefs)
        {
            var secret = store.Get(reference.Name) ?? throw new ResourceException(component.Source, $"secret '{reference.Name}' for '{key}' is not in store '{storeName}'");
            metadata[key] = secret.GetValueOrDefault(reference.Key) ?? secret.Values.First();
        }
        return component with { Metadata = metadata, SecretRefs = new Dictionary<string, SecretRef>() };
    }
}
