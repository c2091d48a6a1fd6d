namespace Sandbox.Identity.Login;

/// <summary>A simulated eID: which country's personas it signs in, and the claims the real one gives.</summary>
public sealed record Eid(string Id, string DisplayName, string Country, string DefaultLevel);

public static class Eids
{
    public const string LevelLow = "http://eidas.europa.eu/LoA/low";
    public const string LevelSubstantial = "http://eidas.europa.eu/LoA/substantial";
    public const string LevelHigh = "http://eidas.europa.eu/LoA/high";

    public static IReadOnlyList<string> Levels { get; } = [LevelLow, LevelSubstantial, LevelHigh];

    public static IReadOnlyList<Eid> All { get; } =
    [
        new("bankid", "BankID", "SE", LevelHigh),
        new("freja", "Freja eID", "SE", LevelSubstantial),
        new("idporten", "ID-porten", "NO", LevelHigh),
        new("suomifi", "Suomi.fi", "FI", LevelHigh),
    ];

    public static Eid? Find(string id) => All.FirstOrDefault(e => e.Id == id);
}
