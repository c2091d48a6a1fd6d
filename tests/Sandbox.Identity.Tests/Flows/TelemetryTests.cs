using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Sandbox.Identity.Tests.Infrastructure;

namespace Sandbox.Identity.Tests.Flows;

public sealed class TelemetryTests(SqliteIdentityFixture fixture) : IClassFixture<SqliteIdentityFixture>
{
    private IdentityApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TokenEndpoint_CountsIssuedTokensByGrantAndErrorsByCode()
    {
        var tenant = await App.CreateTenantAsync("SE");
        var (clientId, secret) = await App.CreateClientAsync(tenant, ["forms"]);
        var seen = new ConcurrentBag<(string Instrument, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Telemetry.Name) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
            seen.Add((instrument.Name, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();
        using var client = App.NewClient();

        await client.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret!, ["scope"] = "forms",
        }), Ct);
        await client.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = "wrong",
        }), Ct);

        Assert.Contains(("sandbox.identity.tokens_issued", "grant=client_credentials"), seen);
        Assert.Contains(("sandbox.identity.failures", "operation=token,reason=invalid_client"), seen);
    }

    [Fact]
    public async Task Health_IncludesTheStore()
    {
        using var client = App.NewClient();

        var response = await client.GetAsync("health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
