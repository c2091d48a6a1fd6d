using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Sandbox.Forms.Tests.Infrastructure;
using Sandbox.Testing;
using static Sandbox.Forms.Tests.Infrastructure.Http;

namespace Sandbox.Forms.Tests.Api;

/// <summary>Uploads scanned by the ClamAV adapter, against a clamd stand-in on a real socket, stored through a real sidecar.</summary>
public sealed class ClamdScannerTests(ClamdScannerTests.SidecarFixture fixture) : IClassFixture<ClamdScannerTests.SidecarFixture>
{
    /// <summary>One sidecar for the class; each test starts the service with its own scanner settings.</summary>
    public sealed class SidecarFixture : IAsyncLifetime
    {
        public SidecarProcess Sidecar { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Sidecar = await FormsSidecar.StartAsync();

        public async ValueTask DisposeAsync()
        {
            if (Sidecar is not null) await Sidecar.DisposeAsync();
        }
    }

    private FormsApp Start(int clamdPort) => FormsApp.Start(sidecar: fixture.Sidecar, settings: Clamd(clamdPort));

    private IEnumerable<string> StoredFiles() => Directory.Exists(fixture.Sidecar.AttachmentsPath)
        ? Directory.GetFiles(fixture.Sidecar.AttachmentsPath, "*", SearchOption.AllDirectories)
        : [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Clamd(int port) => new()
    {
        [FormsApp.ClamdHostSetting] = "127.0.0.1",
        ["Sandbox:Forms:VirusScanner:Clamd:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Sandbox:Forms:VirusScanner:Clamd:Timeout"] = "00:00:05",
    };

    private static async Task<(HttpClient Citizen, string FormId)> PublishAsync(FormsApp app)
    {
        var formId = NewFormId();
        var published = await app.Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions",
            SampleForm(formId, """, { "type": "filepicker", "key": "documents" }"""));
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        return (app.Client(Tokens.Citizen("persona-" + Guid.NewGuid().ToString("n")[..8])), formId);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string formId, byte[] content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "document.pdf");
        return client.PostAsync($"/api/forms/{formId}/draft/attachments", form, Ct);
    }

    [Fact]
    public async Task CleanFile_IsSentInChunks_AndStored()
    {
        await using var clamd = new ClamdStub();
        await using var app = Start(clamd.Port);
        var (citizen, formId) = await PublishAsync(app);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 200_000) + "\n%%EOF\n");

        var response = await UploadAsync(citizen, formId, pdf);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(pdf, Assert.Single(clamd.Scanned));
        Assert.True(clamd.LastChunks.Count > 1);
        var id = Guid.Parse((string)(await response.JsonAsync())["id"]!).ToString("n");
        Assert.Contains(StoredFiles(), f => Path.GetFileName(f) == id);
    }

    [Fact]
    public async Task Eicar_IsRefusedWith422_AndNotStored()
    {
        await using var clamd = new ClamdStub();
        await using var app = Start(clamd.Port);
        var (citizen, formId) = await PublishAsync(app);
        var before = StoredFiles().Count();

        var response = await UploadAsync(citizen, formId, Encoding.ASCII.GetBytes(EicarScanner.Eicar));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Single(clamd.Scanned);
        Assert.Equal(before, StoredFiles().Count());
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/forms/{formId}/draft", Ct)).StatusCode);
    }

    [Fact]
    public async Task ClamdDown_RefusesTheUploadWith503ProblemDetails_NeverAcceptsItUnscanned()
    {
        await using var app = Start(Ports.Free()); // nothing listens there
        var (citizen, formId) = await PublishAsync(app);
        var before = StoredFiles().Count();

        var response = await UploadAsync(citizen, formId, Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(503, (int)problem["status"]!);
        Assert.Equal(before, StoredFiles().Count());
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/forms/{formId}/draft", Ct)).StatusCode);
    }
}
