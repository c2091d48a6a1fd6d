using Sandbox.Identity.Data;
using Ids = Sandbox.Identity.NationalIds.NationalId;

namespace Sandbox.Identity.Personas;

/// <summary>
/// A persona as given to the admin API or in a CSV row. <see cref="Children"/> names personas of
/// the same tenant (persona id or national id, existing or in the same request) who are minors in
/// this persona's care.
/// </summary>
public sealed record PersonaInput(
    string NationalId, string GivenName, string FamilyName,
    string? Country = null, string? Street = null, string? PostalCode = null, string? City = null,
    bool ProtectedIdentity = false, string? Email = null, string? Phone = null, string? PreferredLanguage = null,
    string[]? Children = null)
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
        var email = Email?.Trim() ?? "";
        var phone = Phone?.Trim() ?? "";
        var language = PreferredLanguage?.Trim().ToLowerInvariant();
        if (email.Length > 0 && !ContactDetails.IsEmail(email)) errors["email"] = [$"'{email}' is not an e-mail address."];
        if (phone.Length > 0 && !ContactDetails.IsPhone(phone)) errors["phone"] = [$"'{phone}' is not a phone number (digits, optional leading +)."];
        if (!string.IsNullOrEmpty(language) && !PersonLanguages.IsKnown(language))
            errors["preferredLanguage"] = [$"One of: {string.Join(", ", PersonLanguages.All)}."];
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
            Email = email,
            Phone = phone,
            PreferredLanguage = string.IsNullOrEmpty(language) ? PersonLanguages.DefaultFor(id.Item1) : language,
        }, errors);
    }
}

/// <summary>A persona as the admin API shows it: the stored fields and the ids of the children in its care.</summary>
public sealed record PersonaView(
    string Id, string TenantId, string Country, string NationalId, string GivenName, string FamilyName, DateOnly BirthDate,
    string Street, string PostalCode, string City, bool ProtectedIdentity, string Email, string Phone, string PreferredLanguage,
    IReadOnlyList<string> Children)
{
    public static PersonaView Of(Persona p, IReadOnlyList<string> children) => new(
        p.Id, p.TenantId, p.Country, p.NationalId, p.GivenName, p.FamilyName, p.BirthDate,
        p.Street, p.PostalCode, p.City, p.ProtectedIdentity, p.Email, p.Phone, p.PreferredLanguage, children);
}
