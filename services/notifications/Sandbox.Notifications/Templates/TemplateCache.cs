using System.Collections.Concurrent;
using Sandbox.Notifications.Data;
using Sandbox.Notifications.Hosting;

namespace Sandbox.Notifications.Templates;

/// <summary>A template version with its variants read once.</summary>
public sealed record CachedTemplate(string TemplateId, int Version, string Channel, IReadOnlyDictionary<string, TemplateVariant> Variants);

/// <summary>
/// Templates as the request path and the sender need them, without a database read per message. A stored version never
/// changes, so versions are kept for good. Which version is current is kept for <c>TemplateCacheTime</c>: a PUT or
/// DELETE in this instance takes effect at once, one made through another instance within that time.
/// </summary>
public sealed class TemplateCache(NotificationsOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Tenant, string Id), (CachedTemplate Template, DateTime Until)> _current = new();
    private readonly ConcurrentDictionary<(string Tenant, string Id, int Version), CachedTemplate> _versions = new();

    /// <summary>The current version of a tenant's template, null when there is none (an absence is not kept).</summary>
    public async Task<CachedTemplate?> CurrentAsync(TemplateStore store, string tenant, string id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_current.TryGetValue((tenant, id), out var hit) && hit.Until > now) return hit.Template;
        if (await store.GetAsync(tenant, id, null, ct) is not { } row) return null;
        var template = Keep(row);
        if (options.TemplateCacheTime > TimeSpan.Zero) _current[(tenant, id)] = (template, now + options.TemplateCacheTime);
        return template;
    }

    /// <summary>One version of a tenant's template, null when it no longer exists.</summary>
    public async Task<CachedTemplate?> VersionAsync(TemplateStore store, string tenant, string id, int version, CancellationToken ct)
    {
        if (_versions.TryGetValue((tenant, id, version), out var hit)) return hit;
        return await store.GetAsync(tenant, id, version, ct) is { } row ? Keep(row) : null;
    }

    /// <summary>A version already read, or null.</summary>
    public CachedTemplate? Known(string tenant, string id, int version) => _versions.GetValueOrDefault((tenant, id, version));

    /// <summary>Forgets which version is current, after a PUT or DELETE.</summary>
    public void Forget(string tenant, string id) => _current.TryRemove((tenant, id), out _);

    private CachedTemplate Keep(TemplateRow row) => _versions.GetOrAdd((row.TenantId, row.TemplateId, row.Version),
        _ => new CachedTemplate(row.TemplateId, row.Version, row.Channel, TemplateDocument.ReadVariants(row.VariantsJson)));
}
