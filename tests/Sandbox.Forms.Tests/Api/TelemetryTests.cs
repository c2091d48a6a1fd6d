using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Sandbox.Forms.Tests.Infrastructure;
using static Sandbox.Forms.Tests.Infrastructure.Http;

namespace Sandbox.Forms.Tests.Api;

/// <summary>The pilot metrics a citizen's way through a form leaves, read from the <c>Sandbox.Forms</c> meter.</summary>
public sealed class TelemetryTests(SidecarFormsFixture fixture) : IClassFixture<SidecarFormsFixture>, IDisposable
{
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measured = new();
    private readonly MeterListener _listener = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private void Listen()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == Telemetry.Name) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measured.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    private List<Dictionary<string, object?>> Of(string instrument, string formId) =>
        [.. _measured.Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault("form.id"), formId)).Select(m => m.Tags)];

    [Fact]
    public async Task CitizensWayThroughAForm_IsCountedPerFormVersion()
    {
        Listen();
        var formId = NewFormId();
        await fixture.App.Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions", SampleForm(formId));
        var client = fixture.App.Client(Tokens.Citizen("persona-telemetry-" + Guid.NewGuid().ToString("n")[..6]));

        var save = new HttpRequestMessage(HttpMethod.Put, $"/api/forms/{formId}/draft") { Content = new StringContent("""{ "age": 40 }""", System.Text.Encoding.UTF8, "application/json") };
        save.Headers.Add("X-Form-Page", "2");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(save, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonAsync($"/api/forms/{formId}/events", """{ "type": "page", "page": 3 }""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync($"/api/forms/{formId}/events", """{ "type": "page", "page": "<script>" }""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync($"/api/forms/{formId}/submissions", """{ "age": 40 }""")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"/api/forms/{formId}/submissions", """{ "name": "Anna", "age": 40, "reason": "move" }""")).StatusCode);

        Assert.Single(Of("sandbox.forms.drafts.started", formId));
        Assert.Single(Of("sandbox.forms.drafts.saved", formId));
        Assert.Equal(["2", "3"], Of("sandbox.forms.pages.reached", formId).Select(t => (string)t["page"]!).Order());
        Assert.Contains(Of("sandbox.forms.validation.errors", formId), t => (string)t["field"]! == "name");
        Assert.Single(Of("sandbox.forms.submissions", formId));
        var completed = Assert.Single(Of("sandbox.forms.completion.duration", formId));
        Assert.Equal(1, completed["form.version"]);
    }

    public void Dispose() => _listener.Dispose();
}
