namespace Sandbox.Security;

/// <summary>Claim types carried by tokens that the Sandbox identity service issues.</summary>
public static class SandboxClaims
{
    /// <summary>The subject: a persona id, a staff user id or a client id.</summary>
    public const string Subject = "sub";

    /// <summary>The municipality (tenant id) the subject belongs to.</summary>
    public const string Tenant = "tenant";

    /// <summary>A role; a token carries one claim per role.</summary>
    public const string Role = "role";

    /// <summary>A citizen's national identity number (personnummer, fødselsnummer, henkilötunnus).</summary>
    public const string NationalId = "national_id";

    /// <summary>The country (ISO 3166-1 alpha-2) that issued the national id.</summary>
    public const string Country = "country";

    /// <summary>Set to <c>true</c> for a citizen with a protected identity (address must not be shown).</summary>
    public const string ProtectedIdentity = "protected_identity";

    /// <summary>The space separated OAuth scopes granted to the token.</summary>
    public const string Scope = "scope";

    /// <summary>The client the token was issued to.</summary>
    public const string ClientId = "client_id";
}

/// <summary>Role names. A staff account has one or more; a citizen has <see cref="Citizen"/>.</summary>
public static class Roles
{
    /// <summary>A citizen signed in with a (simulated) eID.</summary>
    public const string Citizen = "citizen";
    /// <summary>Handles cases in the inbox of a tenant.</summary>
    public const string Caseworker = "caseworker";
    /// <summary>Designs processes and forms of a tenant.</summary>
    public const string Designer = "designer";
    /// <summary>Administers one tenant: staff, personas, clients.</summary>
    public const string TenantAdmin = "tenant-admin";
    /// <summary>Administers the whole sandbox; belongs to every tenant.</summary>
    public const string PlatformAdmin = "platform-admin";

    /// <summary>A machine client (client credentials): an ICT company's service or plugin.</summary>
    public const string Service = "service";

    /// <summary>The roles a staff account may hold.</summary>
    public static IReadOnlyList<string> Staff { get; } = [Caseworker, Designer, TenantAdmin, PlatformAdmin];
}
