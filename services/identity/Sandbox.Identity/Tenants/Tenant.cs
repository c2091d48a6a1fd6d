namespace Sandbox.Identity.Tenants;

/// <summary>A municipality. Names are keyed by language: sv, nb, fi, en.</summary>
public sealed record Tenant(string Id, string Country, IReadOnlyDictionary<string, string> Names);
