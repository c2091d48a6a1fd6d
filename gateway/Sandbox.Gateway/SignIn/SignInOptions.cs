namespace Sandbox.Gateway.SignIn;

/// <summary>
/// Settings under <c>Gateway:SignIn</c>: the gateway signs browser users in against identity with
/// the OIDC code flow as the <c>portal</c> client, keeps their tokens server-side in an encrypted
/// cookie, and forwards the access token to the services behind it.
/// </summary>
public sealed class SignInOptions
{
    public const string Section = "Gateway:SignIn";

    /// <summary>The identity service's issuer, as browsers reach it through the gateway.</summary>
    public string Authority { get; set; } = "http://localhost:8080/identity";

    public string ClientId { get; set; } = "portal";

    /// <summary>Set by the app host at each start; never stored in the repository.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>What a signed-in browser may call: the services' APIs, and refresh of its session.</summary>
    public string[] Scopes { get; set; } = ["openid", "profile", "identity", "forms", "workflow", "notifications", "portal"];
}
