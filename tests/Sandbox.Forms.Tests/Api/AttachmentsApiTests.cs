using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Sandbox.Forms.Tests.Infrastructure;
using static Sandbox.Forms.Tests.Infrastructure.Http;

namespace Sandbox.Forms.Tests.Api;

/// <summary>Uploads, downloads and submission of files, stored through the real sidecar's attachments binding.</summary>
public sealed class AttachmentsApiTests(SidecarFormsFixture fixture) : IClassFixture<SidecarFormsFixture>
{
    private const string Pickers = """
        , { "type": "filepicker", "key": "documents", "multiple": true },
          { "type": "filepicker", "key": "photo", "accept": "image/*" }
        """;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Gif = Encoding.ASCII.GetBytes("GIF89a\x01\0\x01\0\0\0\0;");

    private FormsApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> PublishAsync()
    {
        var id = NewFormId();
        var response = await App.Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions", SampleForm(id, Pickers));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    private static string NewCitizen() => "persona-" + Guid.NewGuid().ToString("n")[..8];

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string formId, byte[] content, string fileName,
        string contentType = "application/pdf", string? field = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        if (field is not null) form.Add(new StringContent(field), "field");
        return client.PostAsync($"/api/forms/{formId}/draft/attachments", form, Ct);
    }

    [Fact]
    public async Task Upload_Pdf_IsStoredUnderAGeneratedKey_WithItsNameSanitised()
    {
        var formId = await PublishAsync();
        var client = App.Client(Tokens.Citizen(NewCitizen()));
        var response = await UploadAsync(client, formId, Pdf, "../../etc/pass\u202Ewd\u0007.pdf", "text/plain");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var file = await response.JsonAsync();
        Assert.Equal("passwd.pdf", (string)file["fileName"]!);
        Assert.Equal("application/pdf", (string)file["contentType"]!);
        Assert.Equal(Pdf.Length, (int)file["size"]!);
        var stored = Directory.GetFiles(fixture.Sidecar.AttachmentsPath, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains(Guid.Parse((string)file["id"]!).ToString("n"), stored);
        Assert.DoesNotContain(stored, n => n!.Contains("passwd", StringComparison.Ordinal));

        await client.PutAsync($"/api/forms/{formId}/draft", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);
        var draft = await (await client.GetAsync($"/api/forms/{formId}/draft", Ct)).JsonAsync();
        Assert.Equal((string)file["id"]!, (string)Assert.Single(draft["attachments"]!.AsArray())!["id"]!);
    }

    [Fact]
    public async Task Upload_TypeIsSniffed_NotTakenFromTheNameOrHeader()
    {
        var formId = await PublishAsync();
        var client = App.Client(Tokens.Citizen(NewCitizen()), language: "nb");
        var text = await UploadAsync(client, formId, Encoding.UTF8.GetBytes("just text, named like a PDF"), "invoice.pdf");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Contains("PDF", (string)(await text.JsonAsync())["detail"]!);

        var html = await UploadAsync(client, formId, Encoding.UTF8.GetBytes("<html><script>alert(1)</script>"), "photo.png", "image/png");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, html.StatusCode);

        var png = await UploadAsync(client, formId, Png, "scan.pdf", "application/pdf");
        Assert.Equal("image/png", (string)(await png.JsonAsync())["contentType"]!);
    }

    [Fact]
    public async Task Upload_FollowsTheFilepickersAccept()
    {
        var formId = await PublishAsync();
        var client = App.Client(Tokens.Citizen(NewCitizen()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await UploadAsync(client, formId, Pdf, "a.pdf", field: "photo")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(client, formId, Gif, "a.gif", "image/gif", field: "photo")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await UploadAsync(client, formId, Gif, "a.gif", "image/gif")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(client, formId, Pdf, "a.pdf", field: "name")).StatusCode);
    }

    [Fact]
    public async Task Upload_Eicar_IsRefusedByTheVirusScan()
    {
        var formId = await PublishAsync();
        var client = App.Client(Tokens.Citizen(NewCitizen()));
        var content = Encoding.ASCII.GetBytes("%PDF-1.4\n" + EicarScanner.Eicar);
        var response = await UploadAsync(client, formId, content, "eicar.pdf");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_Returns413()
    {
        var formId = await PublishAsync();
        var content = new byte[3 * 1024 * 1024 + 1];
        Pdf.CopyTo(content, 0);
        var response = await UploadAsync(App.Client(Tokens.Citizen(NewCitizen())), formId, content, "big.pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Download_OwnerAlways_CaseworkerOfTheTenantOnlyOnceSubmitted()
    {
        var formId = await PublishAsync();
        var citizen = App.Client(Tokens.Citizen(NewCitizen()));
        var id = (string)(await (await UploadAsync(citizen, formId, Pdf, "letter.pdf")).JsonAsync())["id"]!;

        var own = await citizen.GetAsync($"/api/forms/attachments/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(Pdf, await own.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("attachment", own.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("letter.pdf", own.Content.Headers.ContentDisposition?.FileNameStar ?? own.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", own.Headers.GetValues("X-Content-Type-Options").Single());

        var caseworker = App.Client(Tokens.Caseworker());
        Assert.Equal(HttpStatusCode.NotFound, (await caseworker.GetAsync($"/api/forms/attachments/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Client(Tokens.Citizen(NewCitizen())).GetAsync($"/api/forms/attachments/{id}", Ct)).StatusCode);

        var submitted = await citizen.PostJsonAsync($"/api/forms/{formId}/submissions", $$"""{ "name": "Anna", "age": 9, "documents": ["{{id}}"] }""");
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await caseworker.GetAsync($"/api/forms/attachments/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Client(Tokens.Caseworker(tenant: "bergen")).GetAsync($"/api/forms/attachments/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.DeleteAsync($"/api/forms/attachments/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Submit_LinksTheNamedFiles_RemovesTheOthers_AndTheEventCarriesThem()
    {
        var formId = await PublishAsync();
        var subject = NewCitizen();
        var citizen = App.Client(Tokens.Citizen(subject), language: "fi");
        var kept = (string)(await (await UploadAsync(citizen, formId, Pdf, "kept.pdf")).JsonAsync())["id"]!;
        var dropped = (string)(await (await UploadAsync(citizen, formId, Png, "dropped.png", "image/png")).JsonAsync())["id"]!;
        await citizen.PutAsync($"/api/forms/{formId}/draft", new StringContent("""{ "name": "Anna" }""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(2, (await (await citizen.GetAsync($"/api/forms/{formId}/draft", Ct)).JsonAsync())["attachments"]!.AsArray().Count);

        var response = await citizen.PostJsonAsync($"/api/forms/{formId}/submissions", $$"""{ "name": "Anna", "age": 9, "documents": ["{{kept}}"] }""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var submissionId = (string)(await response.JsonAsync())["id"]!;

        var (_, payload) = await App.Events.WaitForAsync(e => e.Payload.Contains(submissionId, StringComparison.Ordinal));
        var received = JsonNode.Parse(payload)!;
        Assert.Equal("fi", (string)received["language"]!);
        var file = Assert.Single(received["attachments"]!.AsArray());
        Assert.Equal(kept, (string)file!["id"]!);
        Assert.Equal("kept.pdf", (string)file["fileName"]!);

        var details = await (await citizen.GetAsync($"/api/forms/submissions/{submissionId}", Ct)).JsonAsync();
        Assert.Equal(kept, (string)details["data"]!["documents"]![0]!);
        Assert.Single(details["attachments"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await App.Client(Tokens.Caseworker()).GetAsync($"/api/forms/submissions/{submissionId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Client(Tokens.Caseworker(tenant: "bergen")).GetAsync($"/api/forms/submissions/{submissionId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Client(Tokens.Citizen(NewCitizen())).GetAsync($"/api/forms/submissions/{submissionId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/forms/attachments/{dropped}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Submit_NamingSomeoneElsesFile_Returns400OnThatField()
    {
        var formId = await PublishAsync();
        var other = (string)(await (await UploadAsync(App.Client(Tokens.Citizen(NewCitizen())), formId, Pdf, "x.pdf")).JsonAsync())["id"]!;
        var response = await App.Client(Tokens.Citizen(NewCitizen())).PostJsonAsync($"/api/forms/{formId}/submissions",
            $$"""{ "name": "Anna", "age": 9, "documents": ["{{other}}", "files::local"] }""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync())["errors"]!.AsObject().ContainsKey("documents"));
    }
}
