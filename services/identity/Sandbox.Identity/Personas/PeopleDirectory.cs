using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sandbox.Identity.Data;

namespace Sandbox.Identity.Personas;

/// <summary>A person's postal address.</summary>
public sealed record PersonAddress(string Street, string PostalCode, string City);

/// <summary>A child in a guardian's care.</summary>
public sealed record PersonChild(string Subject, string GivenName, string FamilyName, DateOnly BirthDate);

/// <summary>
/// Contact details of a token subject: a persona (citizen) or a staff account. Staff have no
/// address or children; their phone is empty.
/// </summary>
public sealed record Person(
    string Subject, string TenantId, string GivenName, string FamilyName, string Email, string Phone, string PreferredLanguage,
    PersonAddress? Address, IReadOnlyList<PersonChild> Children);

/// <summary>Looks people up by subject for <c>/me</c> and for other services.</summary>
public sealed class PeopleDirectory(IdentityStore db, UserManager<StaffUser> users)
{
    /// <summary>The persona or staff account with that subject (persona id or staff user id), or null.</summary>
    public async Task<Person?> FindAsync(string subject, CancellationToken ct)
    {
        if (await db.Personas.FirstOrDefaultAsync(p => p.Id == subject, ct) is { } persona) return await OfPersonaAsync(persona, ct);
        return await users.FindByIdAsync(subject) is { } staff ? await OfStaffAsync(staff, ct) : null;
    }

    private async Task<Person> OfPersonaAsync(Persona p, CancellationToken ct)
    {
        var children = await db.GuardianLinks.Where(l => l.GuardianId == p.Id)
            .Join(db.Personas, l => l.ChildId, c => c.Id, (_, c) => c)
            .OrderBy(c => c.BirthDate)
            .Select(c => new PersonChild(c.Id, c.GivenName, c.FamilyName, c.BirthDate))
            .ToListAsync(ct);
        var language = PersonLanguages.IsKnown(p.PreferredLanguage) ? p.PreferredLanguage : PersonLanguages.DefaultFor(p.Country);
        return new Person(p.Id, p.TenantId, p.GivenName, p.FamilyName, p.Email, p.Phone, language,
            new PersonAddress(p.Street, p.PostalCode, p.City), children);
    }

    private async Task<Person> OfStaffAsync(StaffUser user, CancellationToken ct)
    {
        var country = await db.Tenants.Where(t => t.Id == user.TenantId).Select(t => t.Country).FirstOrDefaultAsync(ct) ?? "";
        // Staff accounts hold one display name; its first word is taken as the given name.
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName.Trim();
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        var (given, family) = space < 0 ? (name, "") : (name[..space], name[(space + 1)..]);
        return new Person(user.Id, user.TenantId, given, family, user.Email ?? "", user.PhoneNumber ?? "",
            PersonLanguages.DefaultFor(country), null, []);
    }
}
