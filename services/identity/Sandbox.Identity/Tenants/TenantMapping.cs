using Sandbox.Identity.Data;

namespace Sandbox.Identity.Tenants;

public static class TenantMapping
{
    public static Tenant ToTenant(this TenantRow row) => new(row.Id, row.Country, new Dictionary<string, string>
    {
        ["sv"] = row.NameSv, ["nb"] = row.NameNb, ["fi"] = row.NameFi, ["en"] = row.NameEn,
    });

    public static TenantRow ToRow(Tenant tenant) => new()
    {
        Id = tenant.Id,
        Country = tenant.Country,
        NameSv = tenant.Names["sv"],
        NameNb = tenant.Names["nb"],
        NameFi = tenant.Names["fi"],
        NameEn = tenant.Names["en"],
    };

    /// <summary>The name in the language asked for, else English.</summary>
    public static string Name(this TenantRow row, string lang) => lang switch
    {
        "sv" => row.NameSv, "nb" => row.NameNb, "fi" => row.NameFi, _ => row.NameEn,
    };
}
