using Microsoft.EntityFrameworkCore;
using Sandbox.Data;
using Sandbox.Notifications.Data;

namespace Sandbox.Notifications.Templates;

/// <summary>The outcome of a PUT: the version now current, and whether this PUT made it.</summary>
public sealed record SavedTemplate(string Id, int Version, string Channel, bool Created);

/// <summary>Templates of a tenant: versioned, never shared between tenants.</summary>
public sealed class TemplateStore(NotificationsDb db, TimeProvider clock, SqliteWriteGate gate, TemplateCache cache)
{
    /// <summary>Checks a template: channel, languages, Liquid syntax. Returns field → messages, empty when fine.</summary>
    public static Dictionary<string, string[]> Validate(TemplateDocument document)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Channels.All.Contains(document.Channel))
            errors["channel"] = [$"Use one of {string.Join(", ", Channels.All)}."];
        if (document.Variants is not { Count: > 0 })
            errors["variants"] = ["At least one language variant is needed."];
        foreach (var (language, variant) in document.Variants ?? [])
        {
            if (!Languages.IsSupported(language))
            {
                errors[$"variants.{language}"] = [$"Unknown language; use {string.Join(", ", Languages.Supported)}."];
                continue;
            }
            if (variant is null || string.IsNullOrWhiteSpace(variant.Body))
            {
                errors[$"variants.{language}.body"] = ["A body is required."];
                continue;
            }
            if (document.Channel == Channels.Email && string.IsNullOrWhiteSpace(variant.Subject))
                errors[$"variants.{language}.subject"] = ["An email needs a subject."];
            foreach (var (field, text) in new[] { ("subject", variant.Subject), ("body", variant.Body), ("html", variant.Html) })
                if (text is not null && LiquidTemplates.ParseError(text) is { } error)
                    errors[$"variants.{language}.{field}"] = [$"Not valid Liquid: {error}"];
        }
        return errors;
    }

    /// <summary>Stores a validated template; the same content again keeps its version.</summary>
    public async Task<SavedTemplate> PutAsync(string tenant, string id, TemplateDocument document, string by, CancellationToken ct)
    {
        var rows = await db.Templates.Where(t => t.TenantId == tenant && t.TemplateId == id).OrderByDescending(t => t.Version).ToListAsync(ct);
        var latest = rows.FirstOrDefault();
        var hash = document.Hash();
        if (latest is { Deleted: false } && latest.Hash == hash)
        {
            if (document.Eservice is { Length: > 0 } && latest.EserviceId != document.Eservice)
            {
                latest.EserviceId = document.Eservice;
                using (await gate.EnterAsync(ct)) await db.SaveChangesAsync(ct);
            }
            return new SavedTemplate(id, latest.Version, latest.Channel, Created: false);
        }
        foreach (var row in rows) row.Deleted = false;
        var version = (latest?.Version ?? 0) + 1;
        db.Templates.Add(new TemplateRow
        {
            TenantId = tenant,
            TemplateId = id,
            Version = version,
            Channel = document.Channel,
            Description = document.Description,
            EserviceId = document.Eservice is { Length: > 0 } e ? e : latest?.EserviceId,
            VariantsJson = document.VariantsJson(),
            Hash = hash,
            CreatedBy = by,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        using (await gate.EnterAsync(ct)) await db.SaveChangesAsync(ct);
        cache.Forget(tenant, id);
        return new SavedTemplate(id, version, document.Channel, Created: true);
    }

    /// <summary>The current version (or the given one) of a tenant's template, null when none.</summary>
    public Task<TemplateRow?> GetAsync(string tenant, string id, int? version, CancellationToken ct) =>
        db.Templates.AsNoTracking()
            .Where(t => t.TenantId == tenant && t.TemplateId == id && (version == null ? !t.Deleted : t.Version == version))
            .OrderByDescending(t => t.Version)
            .FirstOrDefaultAsync(ct);

    /// <summary>The current version of each of a tenant's templates.</summary>
    public async Task<List<TemplateRow>> ListAsync(string tenant, CancellationToken ct)
    {
        var rows = await db.Templates.AsNoTracking().Where(t => t.TenantId == tenant && !t.Deleted).ToListAsync(ct);
        return rows.GroupBy(t => t.TemplateId).Select(g => g.MaxBy(t => t.Version)!).OrderBy(t => t.TemplateId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Deletes every version; refuses (returns the e-service) while an e-service uses the template.</summary>
    public async Task<(bool Found, string? UsedBy)> DeleteAsync(string tenant, string id, CancellationToken ct)
    {
        var rows = await db.Templates.Where(t => t.TenantId == tenant && t.TemplateId == id && !t.Deleted).ToListAsync(ct);
        if (rows.Count == 0) return (false, null);
        if (rows.FirstOrDefault(r => r.EserviceId is { Length: > 0 }) is { } used) return (true, used.EserviceId);
        foreach (var row in rows) row.Deleted = true;
        using (await gate.EnterAsync(ct)) await db.SaveChangesAsync(ct);
        cache.Forget(tenant, id);
        return (true, null);
    }
}
