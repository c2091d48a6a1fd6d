namespace Sandbox.Portal.Clients;

/// <summary>A municipality as the identity service describes it; names keyed by language.</summary>
public sealed record TenantView(string Id, string Country, IReadOnlyDictionary<string, string> Names)
{
    public string NameIn(string language) => Names.TryGetValue(language, out var name) ? name : Names.Values.First();
}

/// <summary>Reads public identity data (municipalities) through service discovery.</summary>
public sealed class IdentityClient(HttpClient http)
{
    public async Task<IReadOnlyList<TenantView>> GetTenantsAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<TenantView>>("/identity/tenants", cancellationToken) ?? [];
}
