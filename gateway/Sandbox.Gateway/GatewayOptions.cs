namespace Sandbox.Gateway;

/// <summary>Settings under <c>Gateway</c> in configuration.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Largest request body accepted, in bytes (25 MB: a form with a few scanned attachments).</summary>
    public long MaxRequestBodyBytes { get; set; } = 25 * 1024 * 1024;

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Sent on every response. The portal serves its own scripts and styles only.</summary>
    public string ContentSecurityPolicy { get; set; } =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>How long the readiness check waits for each service's own health check.</summary>
    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(3);
}

/// <summary>A token bucket per client IP: bursts up to <see cref="TokenLimit"/>, refilled each second.</summary>
public sealed class RateLimitOptions
{
    public int TokenLimit { get; set; } = 200;
    public int TokensPerSecond { get; set; } = 100;
}
