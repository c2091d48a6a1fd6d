namespace Sandbox.Notifications.Hosting;

/// <summary>Settings under <c>Sandbox:Notifications</c>, plus <c>SANDBOX_DATA</c> for the SQLite folder.</summary>
public sealed class NotificationsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Sandbox:Notifications";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c> (with <c>ConnectionStrings:notifications</c>).</summary>
    public string Database { get; set; } = "sqlite";

    /// <summary>The folder of the SQLite database.</summary>
    public string DataPath { get; set; } = "";

    /// <summary>The Dapr output binding that sends email (<c>bindings.smtp</c>).</summary>
    public string EmailBinding { get; set; } = "email";

    /// <summary>The Dapr output binding that sends SMS.</summary>
    public string SmsBinding { get; set; } = "sms";

    /// <summary>The operation invoked on the SMS binding: <c>create</c> (localstorage, twilio) or <c>post</c> (bindings.http).</summary>
    public string SmsOperation { get; set; } = "create";

    /// <summary>The pub/sub component the <c>notification-requested</c> event arrives on.</summary>
    public string PubSub { get; set; } = "pubsub";

    /// <summary>Messages per minute per tenant and channel, unless <see cref="RateLimits"/> says otherwise.</summary>
    public int RatePerMinute { get; set; } = 3000;

    /// <summary>Overrides of <see cref="RatePerMinute"/>, keyed <c>tenant:channel</c> or <c>channel</c>.</summary>
    public Dictionary<string, int> RateLimits { get; set; } = [];

    /// <summary>Attempts at a transient failure before the message is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first transient failure; it doubles with each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a claimed message belongs to one sender before another instance may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the queue is read when nothing signals new messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages claimed at once.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>
    /// Messages handed to the channels at the same time (each email is one SMTP connection from the sidecar); lower it
    /// for a relay that limits connections per client.
    /// </summary>
    public int MaxParallelSends { get; set; } = 64;

    /// <summary>How long an instance keeps which template version is current (a change made through another instance waits that long).</summary>
    public TimeSpan TemplateCacheTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a person's contact details and language from identity are kept.</summary>
    public TimeSpan PeopleCacheTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Keep a copy of every SMS in the sandbox outbox at send time.</summary>
    public bool CaptureSms { get; set; } = true;

    /// <summary>The largest request body accepted, in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 262_144;

    /// <summary>The sandbox mailbox: an SMTP server that stores what it receives.</summary>
    public SmtpSinkOptions SmtpSink { get; set; } = new();

    /// <summary>Name, logo and country per tenant id, for the email layout and the language fallback.</summary>
    public Dictionary<string, TenantBranding> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The branding of a tenant, or a plain one named after its id.</summary>
    public TenantBranding Branding(string tenant) =>
        Tenants.TryGetValue(tenant, out var branding) ? branding : new TenantBranding { Name = tenant };
}

/// <summary>The sandbox SMTP sink; off unless <see cref="Port"/> is set.</summary>
public sealed class SmtpSinkOptions
{
    /// <summary>The port to listen on (loopback unless <see cref="Address"/> says otherwise).</summary>
    public int? Port { get; set; }

    /// <summary>The address to listen on.</summary>
    public string Address { get; set; } = "127.0.0.1";
}

/// <summary>What the email layout shows of a tenant, and the country its language fallback follows.</summary>
public sealed class TenantBranding
{
    /// <summary>The municipality's name as citizens know it.</summary>
    public string Name { get; set; } = "";

    /// <summary>An absolute URL of the logo, or empty for none.</summary>
    public string? LogoUrl { get; set; }

    /// <summary>ISO 3166-1 alpha-2: SE, NO or FI.</summary>
    public string Country { get; set; } = "";
}
