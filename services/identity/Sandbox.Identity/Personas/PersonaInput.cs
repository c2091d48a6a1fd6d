using Sandbox.Identity.Data;
using Ids = Sandbox.Identity.NationalIds.NationalId;

namespace Sandbox.Identity.Personas;

/// <summary>A persona as given to the admin API or in a CSV row.</summary>
public sealed record PersonaInput(
    string NationalId, string GivenName, string FamilyName,
    string? Country = null, string? Street = null, string? PostalCode = null, string? City = null,
    bool ProtectedIdentity = false)
{
    /// <summary>Checks the input; returns the persona, or the problems keyed by field.</summary>
    public (Persona? Persona, Dictionary<string, string[]> Errors) ToPersona(string tenantId, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var detected = Country is { Length: > 0 } c
            ? Ids.Normalize(c, NationalId ?? "", today) is { } n ? (c.ToUpperInvariant(), n) : null
            : Ids.Detect(NationalId ?? "", today);
        if (detected is null) errors["nationalId"] = [$"'{NationalId}' is not a valid national id{(Country is null ? "" : " of " + Country)}."];
        if (string.IsNullOrWhiteSpace(GivenName)) errors["givenName"] = ["Required."];
        if (string.IsNullOrWhiteSpace(FamilyName)) errors["familyName"] = ["Required."];
        if (errors.Count > 0 || detected is not { } id) return (null, errors);

        return (new Persona
        {
            TenantId = tenantId,
            Country = id.Item1,
            NationalId = id.Item2,
            GivenName = GivenName.Trim(),
            FamilyName = FamilyName.Trim(),
            BirthDate = Ids.BirthDate(id.Item1, id.Item2) ?? default,
            Street = Street?.Trim() ?? "",
            PostalCode = PostalCode?.Trim() ?? "",
            City = City?.Trim() ?? "",
            ProtectedIdentity = ProtectedIdentity,
        }, errors);
    }
}
