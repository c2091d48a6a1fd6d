using Sandbox.Identity.Data;
using Sandbox.Identity.NationalIds;

namespace Sandbox.Identity.Personas;

/// <summary>
/// Makes synthetic citizens of a municipality: children, adults and elderly people with valid
/// national ids, local names and addresses, e-mail and phone for adults, and now and then a
/// protected identity; and families of a guardian with school-age children.
/// </summary>
public sealed class PersonaGenerator(Random random, DateOnly today)
{
    private static readonly Dictionary<string, (string[] Given, string[] Family, string[] Streets)> Names = new()
    {
        ["SE"] = (["Astrid", "Erik", "Maja", "Lars", "Elsa", "Oskar", "Ingrid", "Nils", "Linnea", "Karl"],
                  ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Lindqvist", "Berg", "Holm"],
                  ["Storgatan", "Kungsgatan", "Svartbäcksgatan", "Sysslomansgatan", "Dragarbrunnsgatan"]),
        ["NO"] = (["Ingrid", "Ola", "Kari", "Lars", "Sigrid", "Håkon", "Nora", "Emil", "Solveig", "Magnus"],
                  ["Hansen", "Johansen", "Olsen", "Larsen", "Haugen", "Dahl", "Nilsen", "Bakke"],
                  ["Strandgaten", "Kong Oscars gate", "Torgallmenningen", "Nygårdsgaten", "Øvregaten"]),
        ["FI"] = (["Aino", "Matti", "Helmi", "Juhani", "Venla", "Eino", "Sofia", "Onni", "Kaarina", "Mikko"],
                  ["Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Hämäläinen", "Laine", "Heikkinen", "Koskinen"],
                  ["Hämeenkatu", "Satakunnankatu", "Kuninkaankatu", "Pyynikintie", "Hatanpään valtatie"]),
    };

    private static readonly Dictionary<string, string> PostalPrefix = new() { ["SE"] = "753 ", ["NO"] = "50", ["FI"] = "331" };

    /// <summary>The n-th persona cycles child, adult, adult, elderly; every seventh has a protected identity.</summary>
    public Persona Next(TenantRow tenant, int n)
    {
        var age = (n % 4) switch
        {
            0 => random.Next(2, 17),
            1 or 2 => random.Next(19, 66),
            _ => random.Next(70, 97),
        };
        var persona = Make(tenant, age, Names[tenant.Country].Family[random.Next(Names[tenant.Country].Family.Length)]);
        persona.ProtectedIdentity = n % 7 == 6;
        return persona;
    }

    /// <summary>A guardian (30 to 50 years old) and <paramref name="children"/> school-age children (6 to 15) at the same address.</summary>
    public (Persona Guardian, IReadOnlyList<Persona> Children) NextFamily(TenantRow tenant, int children)
    {
        var family = Names[tenant.Country].Family[random.Next(Names[tenant.Country].Family.Length)];
        var guardian = Make(tenant, random.Next(30, 51), family);
        var kids = Enumerable.Range(0, children).Select(_ =>
        {
            var child = Make(tenant, random.Next(6, 16), family);
            (child.Street, child.PostalCode) = (guardian.Street, guardian.PostalCode);
            return child;
        }).ToList();
        return (guardian, kids);
    }

    private Persona Make(TenantRow tenant, int age, string family)
    {
        var (given, _, streets) = Names[tenant.Country];
        // Under a year past the birthday, so that the person is exactly age years old today.
        var birth = today.AddYears(-age).AddDays(-random.Next(0, 364));
        var givenName = given[random.Next(given.Length)];
        var adult = age >= 18;
        return new Persona
        {
            TenantId = tenant.Id,
            Country = tenant.Country,
            NationalId = NationalId.Generate(tenant.Country, birth, random.Next(0, 1000)),
            GivenName = givenName,
            FamilyName = family,
            BirthDate = birth,
            Street = $"{streets[random.Next(streets.Length)]} {random.Next(1, 80)}",
            PostalCode = PostalPrefix[tenant.Country] + random.Next(10, 99),
            City = char.ToUpperInvariant(tenant.Id[0]) + tenant.Id[1..],
            // Children have no contact details of their own: messages go to their guardians.
            Email = adult ? ContactDetails.MakeEmail(givenName, family, random.Next(1, 100)) : "",
            Phone = adult ? ContactDetails.MakePhone(tenant.Country, random) : "",
            PreferredLanguage = PersonLanguages.DefaultFor(tenant.Country),
        };
    }
}
