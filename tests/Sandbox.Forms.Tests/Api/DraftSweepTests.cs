using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Sandbox.Forms.Tests.Infrastructure;
using static Sandbox.Forms.Tests.Infrastructure.Http;

namespace Sandbox.Forms.Tests.Api;

/// <summary>Drafts nobody came back to: counted as abandoned by the sweep, their files removed from storage.</summary>
public sealed class DraftSweepTests(SidecarFormsFixture fixture) : IClassFixture<SidecarFormsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExpiredDraft_IsCountedAsAbandoned_AndItsFilesAreRemoved()
    {
        var abandoned = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Telemetry.Name && instrument.Name == "sandbox.forms.drafts.abandoned") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags) if (tag.Key == "form.id") lock (abandoned) abandoned.Add((string)tag.Value!);
        });
        listener.Start();

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = FormsApp.Start(sidecar: fixture.Sidecar, clock: clock);
        var formId = NewFormId();
        await app.Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions", SampleForm(formId, """, { "type": "filepicker", "key": "documents" }"""));
        var citizen = app.Client(Tokens.Citizen("persona-sweep-" + Guid.NewGuid().ToString("n")[..6]));
        await citizen.PutAsync($"/api/forms/{formId}/draft", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Ct);
        var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.4 sweep"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        upload.Add(file, "file", "left-behind.pdf");
        var response = await citizen.PostAsync($"/api/forms/{formId}/draft/attachments", upload, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var key = Guid.Parse((string)(await response.JsonAsync())["id"]!).ToString("n");
        Assert.True(File.Exists(Path.Combine(fixture.Sidecar.AttachmentsPath, key)));

        clock.Advance(TimeSpan.FromDays(31)); // past the draft's time to live; the sweep's timer fires

        bool Counted() { lock (abandoned) return abandoned.Contains(formId); }
        for (var i = 0; i < 100 && !Counted(); i++) await Task.Delay(100, Ct);
        Assert.False(File.Exists(Path.Combine(fixture.Sidecar.AttachmentsPath, key)));
        lock (abandoned) Assert.Equal([formId], abandoned.Where(f => f == formId));
    }
}
