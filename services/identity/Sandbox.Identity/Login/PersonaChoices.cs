using Microsoft.EntityFrameworkCore;
using Sandbox.Identity.Data;
using static Sandbox.Identity.Login.LoginPage;

namespace Sandbox.Identity.Login;

/// <summary>
/// The test persons an eID page offers: guardians first (their children named, the first one
/// chosen already, since most e-services are applied for by a guardian), then the others.
/// </summary>
internal sealed record PersonaChoice(Persona Persona, IReadOnlyList<string> Children)
{
    private const int Shown = 100;

    public static async Task<IReadOnlyList<PersonaChoice>> LoadAsync(IdentityStore db, string country)
    {
        var guardianIds = db.GuardianLinks.Select(l => l.GuardianId);
        var guardians = await db.Personas.Where(p => p.Country == country && guardianIds.Contains(p.Id))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).Take(Shown / 2).ToListAsync();
        var others = await db.Personas.Where(p => p.Country == country && !guardianIds.Contains(p.Id))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).Take(Shown - guardians.Count).ToListAsync();
        var ids = guardians.Select(g => g.Id).ToList();
        var children = (await db.GuardianLinks.Where(l => ids.Contains(l.GuardianId))
                .Join(db.Personas, l => l.ChildId, c => c.Id, (l, c) => new { l.GuardianId, c.GivenName, c.BirthDate })
                .ToListAsync())
            .OrderBy(c => c.BirthDate).ToLookup(c => c.GuardianId, c => c.GivenName);
        return [.. guardians.Select(g => new PersonaChoice(g, [.. children[g.Id]])), .. others.Select(p => new PersonaChoice(p, []))];
    }

    /// <summary>The radio buttons; the first guardian is checked.</summary>
    public static void Render(LoginPage page, IReadOnlyList<PersonaChoice> choices)
    {
        var first = true;
        foreach (var (p, children) in choices)
        {
            var note = p.ProtectedIdentity ? $" ({E(page.T("protected"))})" : "";
            var family = children.Count > 0 ? $" – {E(page.T("guardianOf"))} {E(string.Join(", ", children))}" : "";
            var check = children.Count > 0 && first ? " checked" : "";
            first &= children.Count == 0;
            page.Raw($"<label><input type=\"radio\" name=\"personaId\" value=\"{E(p.Id)}\"{check}> {E(p.GivenName)} {E(p.FamilyName)}, {p.BirthDate:yyyy-MM-dd}, {E(p.NationalId)}{family}{note}</label>");
        }
    }
}
