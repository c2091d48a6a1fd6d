namespace Sandbox.Sidecar.Components;

/// <summary>Where a resource was declared, so errors can name the file and line.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>A Dapr <c>Component</c> resource.</summary>
public sealed record Component(
    string Name,
    string Type,
    string Version,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<string> Scopes,
    SourceLocation Source,
    IReadOnlyDictionary<string, SecretRef> SecretRefs,
    string? SecretStore)
{
    public string? Get(string key) => Metadata.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    public bool IsVisibleTo(string appId) => Scopes.Count == 0 || Scopes.Contains(appId);
}

/// <summary>A metadata value taken from a secret store: <c>secretKeyRef: {name, key}</c>.</summary>
public sealed record SecretRef(string Name, string Key);

/// <summary>A routing rule of a subscription: deliver to <see cref="Path"/> when <see cref="Match"/> holds.</summary>
public sealed record RouteRule(string Match, string Path);

/// <summary>A subscription, declared in YAML or returned by the app's <c>/dapr/subscribe</c>.</summary>
public sealed record Subscription(
    string PubsubName,
    string Topic,
    IReadOnlyList<RouteRule> Rules,
    string DefaultPath,
    string? DeadLetterTopic,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<string> Scopes,
    bool Declarative)
{
    public bool RawPayload => Metadata.TryGetValue("rawPayload", out var raw) && bool.TryParse(raw, out var on) && on;
}

/// <summary>A named retry policy from a <c>Resiliency</c> resource.</summary>
public sealed record RetryPolicy(bool Exponential, TimeSpan Duration, TimeSpan MaxInterval, int MaxRetries)
{
    /// <summary>Used when no Resiliency targets a pub/sub: keep trying, backing off up to a minute.</summary>
    public static readonly RetryPolicy Default = new(true, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(60), -1);

    public TimeSpan DelayBefore(int attempt)
    {
        if (!Exponential) return Duration;
        var initial = Duration > TimeSpan.Zero ? Duration : TimeSpan.FromMilliseconds(500);
        var delay = initial.TotalMilliseconds * Math.Pow(1.5, Math.Max(0, attempt - 1));
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxInterval.TotalMilliseconds));
    }

    public bool Exhausted(int attempts) => MaxRetries >= 0 && attempts > MaxRetries;
}

/// <summary>A <c>Resiliency</c> resource: named retry policies and the component targets using them.</summary>
public sealed record Resiliency(
    string Name,
    IReadOnlyDictionary<string, RetryPolicy> Retries,
    IReadOnlyDictionary<string, string> InboundRetryByComponent,
    IReadOnlyList<string> Scopes);

/// <summary>An <c>HTTPEndpoint</c> resource: an external service reachable by invocation under a name.</summary>
public sealed record HttpEndpoint(
    string Name,
    Uri BaseUrl,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<string> Scopes);

/// <summary>Everything read from the resources path.</summary>
public sealed record ResourceSet(
    IReadOnlyList<Component> Components,
    IReadOnlyList<Subscription> Subscriptions,
    IReadOnlyList<Resiliency> Resiliencies,
    IReadOnlyList<HttpEndpoint> HttpEndpoints);

/// <summary>A resource file that cannot be used; the sidecar refuses to start with it.</summary>
public sealed class ResourceException(SourceLocation source, string message) : Exception($"{source}: {message}");
