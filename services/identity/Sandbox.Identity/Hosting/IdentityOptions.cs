namespace Sandbox.Identity.Hosting;

/// <summary>Settings under <c>Sandbox:Identity</c>, plus <c>SANDBOX_DATA</c> and <c>Sandbox:TestTokens:Enabled</c>.</summary>
public sealed class SandboxIdentityOptions
{
    public const string Section = "Sandbox:Identity";

    /// <summary>The public issuer: the identity service as seen through the gateway.</summary>
    public string Issuer { get; set; } = "http://localhost:8080/identity";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>; the connection string is <c>ConnectionStrings:identity</c>.</summary>
    public string Database { get; set; } = "sqlite";

    /// <summary>Where the database file (SQLite), the signing keys and the data protection keys live.</summary>
    public string DataPath { get; set; } = "";

    /// <summary>Redirect URIs of the seeded portal client (the portal's BFF sign-in).</summary>
    public string[] PortalRedirectUris { get; set; } = ["http://localhost:8080/signin-oidc"];

    /// <summary>Secret of the seeded portal client; without one the portal client is public (PKCE only).</summary>
    public string? PortalSecret { get; set; }

    /// <summary>Access token lifetime.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public bool TestTokensEnabled { get; set; }

    /// <summary>The scopes that name an API; each is also the audience of that service.</summary>
    public static IReadOnlyList<string> ApiScopes { get; } = ["identity", "forms", "workflow", "notifications", "portal"];
}
