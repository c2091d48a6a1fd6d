namespace Sandbox.Portal.Clients;

/// <summary>A municipality as the identity service describes it; names keyed by language.</summary>
public sealed record TenantView(string Id, string Country, IReadOnlyDictionary<string, string> Names)
{
    /// <summary>The name in the language, else the first one.</summary>
    public string NameIn(string language) => Names.TryGetValue(language, out var name) ? name : Names.Values.First();
}

/// <summary>The signed-in citizen as <c>GET /identity/me</c> answers.</summary>
public sealed record MeView(string Subject, string? GivenName, string? FamilyName, string? Email, string? Phone,
    string? PreferredLanguage, AddressView? Address, IReadOnlyList<ChildView>? Children);

/// <summary>A registered address (absent for a protected identity).</summary>
public sealed record AddressView(string? Street, string? PostalCode, string? City)
{
    /// <summary>One line: "street, postal code city".</summary>
    public override string ToString() => string.Join(", ", new[] { Street, $"{PostalCode} {City}".Trim() }.Where(p => !string.IsNullOrWhiteSpace(p)));
}

/// <summary>A child linked to a guardian persona.</summary>
public sealed record ChildView(string Subject, string? GivenName, string? FamilyName, string? BirthDate);

/// <summary>Reads identity data: municipalities (public) and the signed-in person.</summary>
public sealed class IdentityClient(HttpClient http)
{
    private const string Service = "identity";

    /// <summary>Every municipality of the sandbox.</summary>
    public async Task<IReadOnlyList<TenantView>> GetTenantsAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<TenantView>>("/identity/tenants", cancellationToken) ?? [];

    /// <summary>The signed-in citizen with their children.</summary>
    public async Task<MeView> GetMeAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync("/identity/me", ct);
        await response.EnsureAsync(Service, ct);
        return (await response.Content.ReadFromJsonAsync<MeView>(ct))!;
    }
}
