using Microsoft.EntityFrameworkCore;
using Sandbox.Identity.Data;
using Ids = Sandbox.Identity.NationalIds.NationalId;

namespace Sandbox.Identity.Personas;

/// <summary>Creates, generates, imports and lists personas of a tenant, and links guardians to their children.</summary>
public sealed class PersonaService(IdentityStore db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The tenant's personas, each with the ids of the children in its care.</summary>
    public async Task<IReadOnlyList<PersonaView>> ListAsync(string tenant, CancellationToken ct)
    {
        var personas = await db.Personas.Where(p => p.TenantId == tenant).OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ToListAsync(ct);
        return await ViewsAsync(personas, ct);
    }

    /// <summary><paramref name="count"/> unrelated personas plus <paramref name="families"/> guardians with one or two school-age children each.</summary>
    public async Task<IReadOnlyList<PersonaView>> GenerateAsync(TenantRow tenant, int count, int families, CancellationToken ct)
    {
        var generator = new PersonaGenerator(Random.Shared, Today);
        var taken = (await db.Personas.Where(p => p.Country == tenant.Country).Select(p => p.NationalId).ToListAsync(ct)).ToHashSet();
        var made = new List<Persona>();
        for (var n = 0; made.Count < count; n++)
        {
            var persona = generator.Next(tenant, n);
            if (taken.Add(persona.NationalId)) made.Add(persona);
        }
        var links = new List<GuardianLink>();
        for (var madeFamilies = 0; madeFamilies < families;)
        {
            var (guardian, children) = generator.NextFamily(tenant, Random.Shared.Next(1, 3));
            Persona[] members = [guardian, .. children];
            if (members.Any(m => taken.Contains(m.NationalId)) || members.DistinctBy(m => m.NationalId).Count() != members.Length) continue;
            foreach (var m in members) taken.Add(m.NationalId);
            made.AddRange(members);
            links.AddRange(children.Select(c => new GuardianLink { GuardianId = guardian.Id, ChildId = c.Id }));
            madeFamilies++;
        }
        db.Personas.AddRange(made);
        db.GuardianLinks.AddRange(links);
        await db.SaveChangesAsync(ct);
        return Views(made, links);
    }

    /// <summary>Adds the personas and their children links; nothing is added when any of them is invalid or already exists.</summary>
    public async Task<(IReadOnlyList<PersonaView> Added, Dictionary<string, string[]> Errors)> AddAsync(
        TenantRow tenant, IEnumerable<(string Key, PersonaInput? Input, string? Error)> inputs, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var accepted = new List<(string Key, PersonaInput Input, Persona Persona)>();
        var seen = new HashSet<(string, string)>();
        foreach (var (key, input, error) in inputs)
        {
            if (input is null) { errors[key] = [error ?? "Unreadable."]; continue; }
            var (persona, problems) = input.ToPersona(tenant.Id, Today);
            foreach (var (field, messages) in problems) errors[$"{key}.{field}"] = messages;
            if (persona is null) continue;
            if (!seen.Add((persona.Country, persona.NationalId))
                || await db.Personas.AnyAsync(p => p.Country == persona.Country && p.NationalId == persona.NationalId, ct))
            {
                errors[$"{key}.nationalId"] = [$"A persona with national id {persona.NationalId} already exists."];
                continue;
            }
            accepted.Add((key, input, persona));
        }
        var added = accepted.Select(a => a.Persona).ToList();
        var links = new List<GuardianLink>();
        foreach (var (key, input, guardian) in accepted.Where(a => a.Input.Children is { Length: > 0 }))
        {
            var (children, problem) = await ResolveChildrenAsync(tenant.Id, guardian, input.Children!, added, ct);
            if (problem is not null) errors[$"{key}.children"] = [problem];
            else links.AddRange(children.Select(c => new GuardianLink { GuardianId = guardian.Id, ChildId = c }));
        }
        if (errors.Count > 0) return ([], errors);
        db.Personas.AddRange(added);
        db.GuardianLinks.AddRange(links);
        await db.SaveChangesAsync(ct);
        return (Views(added, links), errors);
    }

    /// <summary>Replaces the children linked to a guardian; null when the persona is not in the tenant.</summary>
    public async Task<(PersonaView? Persona, Dictionary<string, string[]> Errors)> SetChildrenAsync(
        string tenant, string id, string[] children, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (await db.Personas.FirstOrDefaultAsync(p => p.TenantId == tenant && p.Id == id, ct) is not { } guardian) return (null, errors);
        var (found, problem) = await ResolveChildrenAsync(tenant, guardian, children, [], ct);
        if (problem is not null)
        {
            errors["children"] = [problem];
            return (null, errors);
        }
        await db.GuardianLinks.Where(l => l.GuardianId == id).ExecuteDeleteAsync(ct);
        db.GuardianLinks.AddRange(found.Select(c => new GuardianLink { GuardianId = id, ChildId = c }));
        await db.SaveChangesAsync(ct);
        return (PersonaView.Of(guardian, found), errors);
    }

    /// <summary>Children are minors of the same tenant, named by persona id or national id, found in the batch or the store.</summary>
    private async Task<(IReadOnlyList<string> Ids, string? Problem)> ResolveChildrenAsync(
        string tenant, Persona guardian, IEnumerable<string> references, IReadOnlyList<Persona> batch, CancellationToken ct)
    {
        var ids = new List<string>();
        foreach (var reference in references.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct())
        {
            var normalized = Ids.Detect(reference, Today)?.Normalized ?? reference;
            var child = batch.FirstOrDefault(p => p.Id == reference || p.NationalId == normalized)
                        ?? await db.Personas.FirstOrDefaultAsync(p => p.TenantId == tenant && (p.Id == reference || p.NationalId == normalized), ct);
            if (child is null) return ([], $"No persona '{reference}' in this tenant.");
            if (child.Id == guardian.Id) return ([], "A persona cannot be its own child.");
            if (child.BirthDate.AddYears(18) <= Today) return ([], $"'{reference}' is not a minor.");
            ids.Add(child.Id);
        }
        return (ids, null);
    }

    private async Task<IReadOnlyList<PersonaView>> ViewsAsync(IReadOnlyList<Persona> personas, CancellationToken ct)
    {
        var ids = personas.Select(p => p.Id).ToList();
        var links = await db.GuardianLinks.Where(l => ids.Contains(l.GuardianId)).ToListAsync(ct);
        return Views(personas, links);
    }

    private static List<PersonaView> Views(IEnumerable<Persona> personas, IEnumerable<GuardianLink> links)
    {
        var children = links.ToLookup(l => l.GuardianId, l => l.ChildId);
        return personas.Select(p => PersonaView.Of(p, [.. children[p.Id]])).ToList();
    }
}
