using Microsoft.EntityFrameworkCore;
using Sandbox.Identity.Data;

namespace Sandbox.Identity.Personas;

/// <summary>Creates, generates and imports personas of a tenant.</summary>
public sealed class PersonaService(IdentityStore db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<Persona>> GenerateAsync(TenantRow tenant, int count, CancellationToken ct)
    {
        var generator = new PersonaGenerator(Random.Shared, Today);
        var made = new List<Persona>();
        var taken = (await db.Personas.Where(p => p.Country == tenant.Country).Select(p => p.NationalId).ToListAsync(ct)).ToHashSet();
        for (var n = 0; made.Count < count; n++)
        {
            var persona = generator.Next(tenant, n);
            if (taken.Add(persona.NationalId)) made.Add(persona);
        }
        db.Personas.AddRange(made);
        await db.SaveChangesAsync(ct);
        return made;
    }

    /// <summary>Adds the personas; nothing is added when any of them is invalid or already exists.</summary>
    public async Task<(IReadOnlyList<Persona> Added, Dictionary<string, string[]> Errors)> AddAsync(
        TenantRow tenant, IEnumerable<(string Key, PersonaInput? Input, string? Error)> inputs, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var added = new List<Persona>();
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
            added.Add(persona);
        }
        if (errors.Count > 0) return ([], errors);
        db.Personas.AddRange(added);
        await db.SaveChangesAsync(ct);
        return (added, errors);
    }
}
