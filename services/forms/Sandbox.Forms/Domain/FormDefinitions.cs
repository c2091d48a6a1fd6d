using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sandbox.Feel;
using Sandbox.Forms.Data;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms.Domain;

/// <summary>A stored form version with its parsed schema.</summary>
public sealed record PublishedForm(string TenantId, string FormId, int Version, FormSchema Schema, DateTimeOffset PublishedAt);

/// <summary>Parsed schemas by stored row and content hash, so a version is parsed once per process.</summary>
public sealed class SchemaCache
{
    private readonly ConcurrentDictionary<(long Id, string Hash), FormSchema> _parsed = new();

    public FormSchema Get(FormDefinitionEntity entity, FeelEngine feel) =>
        _parsed.GetOrAdd((entity.Id, entity.Hash), _ => FormSchema.Parse(entity.SchemaJson, feel));
}

/// <summary>Publishes and finds form definitions of a tenant.</summary>
public sealed class FormDefinitions(FormsDbContext db, FeelEngine feel, SchemaCache cache, TimeProvider clock)
{
    /// <summary>Publishes <paramref name="schema"/>; an unchanged schema returns the existing version.</summary>
    /// <returns>The form and whether a new version was made.</returns>
    public async Task<(PublishedForm Form, bool Created)> PublishAsync(string tenantId, FormSchema schema, string publishedBy, CancellationToken ct)
    {
        var formId = schema.Id!;
        var json = schema.Json.ToJsonString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var latest = await Latest(tenantId, formId).FirstOrDefaultAsync(ct);
        if (latest?.Hash == hash) return (ToForm(latest, schema), false);

        var entity = new FormDefinitionEntity
        {
            TenantId = tenantId, FormId = formId, Version = (latest?.Version ?? 0) + 1,
            SchemaJson = json, Hash = hash, PublishedBy = publishedBy, PublishedAt = clock.GetUtcNow(),
        };
        db.Definitions.Add(entity);
        await db.SaveChangesAsync(ct);
        return (ToForm(entity, schema), true);
    }

    /// <summary>The latest version, or the asked one; null when the tenant has no such form.</summary>
    public async Task<PublishedForm?> FindAsync(string tenantId, string formId, int? version, CancellationToken ct)
    {
        var query = version is { } v
            ? db.Definitions.AsNoTracking().Where(d => d.TenantId == tenantId && d.FormId == formId && d.Version == v)
            : Latest(tenantId, formId);
        var entity = await query.FirstOrDefaultAsync(ct);
        if (entity is null) return null;
        var schema = cache.Get(entity, feel);
        return ToForm(entity, schema);
    }

    private IQueryable<FormDefinitionEntity> Latest(string tenantId, string formId) =>
        db.Definitions.AsNoTracking().Where(d => d.TenantId == tenantId && d.FormId == formId).OrderByDescending(d => d.Version);

    private static PublishedForm ToForm(FormDefinitionEntity e, FormSchema schema) =>
        new(e.TenantId, e.FormId, e.Version, schema, e.PublishedAt);

    /// <summary>The stored JSON of a schema, for answers.</summary>
    public static JsonObject Json(PublishedForm form) => (JsonObject)form.Schema.Json.DeepClone();
}
