using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sandbox.Feel;
using Sandbox.Forms.Data;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms.Domain;

/// <summary>A stored form version with its parsed schema.</summary>
public sealed record PublishedForm(string TenantId, string FormId, int Version, FormSchema Schema, DateTimeOffset PublishedAt)
{
    internal long RowId { get; init; }
    internal string Hash { get; init; } = "";
}

/// <summary>Parsed schemas and translated answers by stored row and content hash, so each is made once per process.</summary>
public sealed class SchemaCache
{
    private readonly ConcurrentDictionary<(long Id, string Hash), FormSchema> _parsed = new();
    private readonly ConcurrentDictionary<(long Id, string Hash, string Language), JsonObject> _translated = new();

    /// <summary>The parsed schema of a stored row; <paramref name="load"/> reads its JSON when it is not parsed yet.</summary>
    public async Task<FormSchema> GetAsync(long id, string hash, FeelEngine feel, Func<Task<string>> load)
    {
        if (_parsed.TryGetValue((id, hash), out var schema)) return schema;
        var json = await load();
        return _parsed.GetOrAdd((id, hash), _ => FormSchema.Parse(json, feel));
    }

    internal bool TryGetTranslated(PublishedForm form, string language, out JsonObject? schema) =>
        _translated.TryGetValue((form.RowId, form.Hash, language), out schema);

    internal void AddTranslated(PublishedForm form, string language, JsonObject schema) =>
        _translated.TryAdd((form.RowId, form.Hash, language), schema);
}

/// <summary>Publishes and finds form definitions of a tenant.</summary>
public sealed class FormDefinitions(FormsDbContext db, FeelEngine feel, SchemaCache cache, TimeProvider clock)
{
    /// <summary>
    /// Publishes <paramref name="schema"/> with its translations; the same schema and translations again return the
    /// existing version.
    /// </summary>
    /// <returns>The form and whether a new version was made.</returns>
    public async Task<(PublishedForm Form, bool Created)> PublishAsync(string tenantId, FormSchema schema,
        IReadOnlyDictionary<string, Dictionary<string, string>> translations, string publishedBy, CancellationToken ct)
    {
        var formId = schema.Id!;
        var json = schema.Json.ToJsonString();
        var translationsJson = translations.Count == 0 ? null : JsonSerializer.Serialize(translations);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(translationsJson is null ? json : json + "\n" + translationsJson)));
        var latest = await Latest(tenantId, formId).FirstOrDefaultAsync(ct);
        if (latest?.Hash == hash) return (ToForm(latest, schema), false);

        var entity = new FormDefinitionEntity
        {
            TenantId = tenantId, FormId = formId, Version = (latest?.Version ?? 0) + 1,
            SchemaJson = json, Hash = hash, PublishedBy = publishedBy, PublishedAt = clock.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Definitions.Add(entity);
        await db.SaveChangesAsync(ct);
        if (translationsJson is not null)
        {
            db.Translations.Add(new DefinitionTranslations { DefinitionId = entity.Id, Json = translationsJson });
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return (ToForm(entity, schema), true);
    }

    /// <summary>The latest version, or the asked one; null when the tenant has no such form.</summary>
    public async Task<PublishedForm?> FindAsync(string tenantId, string formId, int? version, CancellationToken ct)
    {
        // The stored schema is read only when this process has not parsed that version yet.
        var query = version is { } v
            ? db.Definitions.AsNoTracking().Where(d => d.TenantId == tenantId && d.FormId == formId && d.Version == v)
            : Latest(tenantId, formId);
        var row = await query.Select(d => new { d.Id, d.TenantId, d.FormId, d.Version, d.Hash, d.PublishedAt }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var schema = await cache.GetAsync(row.Id, row.Hash, feel,
            async () => await db.Definitions.AsNoTracking().Where(d => d.Id == row.Id).Select(d => d.SchemaJson).SingleAsync(ct));
        return new PublishedForm(row.TenantId, row.FormId, row.Version, schema, row.PublishedAt) { RowId = row.Id, Hash = row.Hash };
    }

    /// <summary>The translation maps stored with a version (empty when it has none).</summary>
    public async Task<Dictionary<string, Dictionary<string, string>>> TranslationsAsync(PublishedForm form, CancellationToken ct)
    {
        var json = await db.Translations.AsNoTracking().Where(t => t.DefinitionId == form.RowId).Select(t => t.Json).FirstOrDefaultAsync(ct);
        return json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(json)!;
    }

    /// <summary>The schema with its texts in <paramref name="language"/>, html content sanitised; the schema's own texts where no translation exists.</summary>
    public async Task<JsonObject> TranslatedAsync(PublishedForm form, string language, CancellationToken ct)
    {
        if (cache.TryGetTranslated(form, language, out var cached)) return (JsonObject)cached!.DeepClone();
        var translations = await TranslationsAsync(form, ct);
        var schema = translations.TryGetValue(language, out var texts) ? FormTranslations.Apply(form.Schema.Json, texts) : Json(form);
        HtmlContent.Sanitize(schema);
        cache.AddTranslated(form, language, schema);
        return (JsonObject)schema.DeepClone();
    }

    private IQueryable<FormDefinitionEntity> Latest(string tenantId, string formId) =>
        db.Definitions.AsNoTracking().Where(d => d.TenantId == tenantId && d.FormId == formId).OrderByDescending(d => d.Version);

    private static PublishedForm ToForm(FormDefinitionEntity e, FormSchema schema) =>
        new(e.TenantId, e.FormId, e.Version, schema, e.PublishedAt) { RowId = e.Id, Hash = e.Hash };

    /// <summary>The stored JSON of a schema, for answers.</summary>
    public static JsonObject Json(PublishedForm form) => (JsonObject)form.Schema.Json.DeepClone();
}
