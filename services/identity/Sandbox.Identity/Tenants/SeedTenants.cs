namespace Sandbox.Identity.Tenants;

/// <summary>The municipalities every fresh sandbox starts with, one per Nordic country at least.</summary>
public static class SeedTenants
{
    public static IReadOnlyList<Tenant> All { get; } =
    [
        new("uppsala", "SE", Names("Uppsala kommun", "Uppsala kommune", "Uppsalan kunta", "Uppsala Municipality")),
        new("bergen", "NO", Names("Bergens kommun", "Bergen kommune", "Bergenin kunta", "Bergen Municipality")),
        new("tampere", "FI", Names("Tammerfors stad", "Tampere by", "Tampereen kaupunki", "City of Tampere")),
    ];

    private static Dictionary<string, string> Names(string sv, string nb, string fi, string en) =>
        new() { ["sv"] = sv, ["nb"] = nb, ["fi"] = fi, ["en"] = en };
}
