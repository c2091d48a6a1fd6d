using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sandbox.Identity;

/// <summary>Traces and metrics of the identity service (<c>Sandbox.Identity</c>).</summary>
public sealed class Telemetry : IDisposable
{
    public const string Name = "Sandbox.Identity";
    public static readonly ActivitySource Source = new(Name);

    private readonly Meter meter;
    private readonly Counter<long> logins;
    private readonly Counter<long> tokens;
    private readonly Counter<long> failures;

    public Telemetry(IMeterFactory meters)
    {
        meter = meters.Create(Name);
        logins = meter.CreateCounter<long>("sandbox.identity.logins", description: "Completed logins by method and country");
        tokens = meter.CreateCounter<long>("sandbox.identity.tokens_issued", description: "Tokens issued by grant type");
        failures = meter.CreateCounter<long>("sandbox.identity.failures", description: "Refused logins and token requests by reason");
    }

    public static Activity? StartLoginActivity(string method) =>
        Source.StartActivity("login " + method)?.SetTag("sandbox.identity.method", method);

    public void Login(string method, string country) =>
        logins.Add(1, new("method", method), new("country", country));

    public void TokenIssued(string grant) => tokens.Add(1, new KeyValuePair<string, object?>("grant", grant));

    public void Failure(string operation, string reason) =>
        failures.Add(1, new("operation", operation), new("reason", reason));

    public void Dispose() => meter.Dispose();
}
