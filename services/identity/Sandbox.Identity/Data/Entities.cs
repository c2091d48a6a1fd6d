using Microsoft.AspNetCore.Identity;

namespace Sandbox.Identity.Data;

/// <summary>A municipality as stored.</summary>
public sealed class TenantRow
{
    public required string Id { get; set; }
    public required string Country { get; set; }
    public required string NameSv { get; set; }
    public required string NameNb { get; set; }
    public required string NameFi { get; set; }
    public required string NameEn { get; set; }
}

/// <summary>A synthetic citizen that a simulated eID login signs in as.</summary>
public sealed class Persona
{
    public string Id { get; set; } = "p-" + Guid.NewGuid().ToString("n")[..12];
    public required string TenantId { get; set; }
    public required string Country { get; set; }
    public required string NationalId { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public DateOnly BirthDate { get; set; }
    public string Street { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";
    public bool ProtectedIdentity { get; set; }
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";

    /// <summary>One of <see cref="Personas.PersonLanguages.All"/>; defaults to the country's language.</summary>
    public string PreferredLanguage { get; set; } = "";
}

/// <summary>A guardian (vårdnadshavare, foresatt, huoltaja) and one of the children in their care.</summary>
public sealed class GuardianLink
{
    public required string GuardianId { get; set; }
    public required string ChildId { get; set; }
}

/// <summary>A staff account (caseworker, designer, administrators), bound to one tenant.</summary>
public sealed class StaffUser : IdentityUser
{
    public required string TenantId { get; set; }
    public string DisplayName { get; set; } = "";
}
