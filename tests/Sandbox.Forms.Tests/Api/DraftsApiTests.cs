using System.Net;
using System.Net.Http.Headers;
using Sandbox.Forms.Tests.Infrastructure;
using static Sandbox.Forms.Tests.Infrastructure.Http;

namespace Sandbox.Forms.Tests.Api;

/// <summary>Drafts through HTTP, kept by the real sidecar stand-in's state store.</summary>
public sealed class DraftsApiTests(SidecarFormsFixture fixture) : IClassFixture<SidecarFormsFixture>
{
    private FormsApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> PublishAsync(string tenant = "uppsala")
    {
        var id = NewFormId();
        var response = await App.Client(Tokens.Designer(tenant: tenant)).PostJsonAsync("/api/forms/definitions", SampleForm(id));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    private static string NewCitizen() => "persona-" + Guid.NewGuid().ToString("n")[..8];

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string formId, string json, string? etag = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/forms/{formId}/draft") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (etag is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{etag}\""));
        return client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task Save_ThenGet_ReturnsTheDataWithEtagAndExpiry()
    {
        var formId = await PublishAsync();
        var client = App.Client(Tokens.Citizen(NewCitizen()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/forms/{formId}/draft", Ct)).StatusCode);

        var saved = await PutAsync(client, formId, """{ "name": "Anna", "age": 7 }""");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var receipt = await saved.JsonAsync();
        var etag = (string)receipt["etag"]!;
        Assert.Equal($"\"{etag}\"", saved.Headers.ETag?.ToString());
        var savedAt = (DateTimeOffset)receipt["savedAt"]!;
        Assert.Equal(TimeSpan.FromDays(30), (DateTimeOffset)receipt["expiresAt"]! - savedAt);

        var draft = await (await client.GetAsync($"/api/forms/{formId}/draft", Ct)).JsonAsync();
        Assert.Equal("Anna", (string)draft["data"]!["name"]!);
        Assert.Equal(etag, (string)draft["etag"]!);
        Assert.Empty(draft["attachments"]!.AsArray());
    }

    [Fact]
    public async Task Save_WithStaleEtag_Returns409_AndKeepsTheNewerDraft()
    {
        var formId = await PublishAsync();
        var client = App.Client(Tokens.Citizen(NewCitizen()), language: "sv");
        var etag = (string)(await (await PutAsync(client, formId, """{ "name": "first" }""")).JsonAsync())["etag"]!;

        var tabOne = await PutAsync(client, formId, """{ "name": "tab one" }""", etag);
        Assert.Equal(HttpStatusCode.OK, tabOne.StatusCode);
        var tabTwo = await PutAsync(client, formId, """{ "name": "tab two" }""", etag);

        Assert.Equal(HttpStatusCode.Conflict, tabTwo.StatusCode);
        Assert.Equal("application/problem+json", tabTwo.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Utkastet", (string)(await tabTwo.JsonAsync())["detail"]!);
        var draft = await (await client.GetAsync($"/api/forms/{formId}/draft", Ct)).JsonAsync();
        Assert.Equal("tab one", (string)draft["data"]!["name"]!);
    }

    [Fact]
    public async Task Save_WithoutIfMatch_WhenADraftExists_Returns409()
    {
        var formId = await PublishAsync();
        var client = App.Client(Tokens.Citizen(NewCitizen()));
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(client, formId, "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PutAsync(client, formId, """{ "name": "again" }""")).StatusCode);
    }

    [Fact]
    public async Task Draft_IsOwnedByOneCitizenOfOneTenant()
    {
        var formId = await PublishAsync();
        await PublishAsync("bergen"); // another tenant, another form: the same id below must still not leak
        var citizen = NewCitizen();
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(App.Client(Tokens.Citizen(citizen)), formId, """{ "name": "mine" }""")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await App.Client(Tokens.Citizen(NewCitizen())).GetAsync($"/api/forms/{formId}/draft", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Client(Tokens.Citizen(citizen, "bergen")).GetAsync($"/api/forms/{formId}/draft", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.Client(Tokens.Caseworker()).GetAsync($"/api/forms/{formId}/draft", Ct)).StatusCode);
    }

    [Fact]
    public async Task Delete_RemovesTheDraft()
    {
        var formId = await PublishAsync();
        var client = App.Client(Tokens.Citizen(NewCitizen()));
        await PutAsync(client, formId, """{ "name": "x" }""");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/forms/{formId}/draft", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/forms/{formId}/draft", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/forms/{formId}/draft", Ct)).StatusCode);
    }

    [Fact]
    public async Task Save_BadInput_Returns4xxProblems()
    {
        var formId = await PublishAsync();
        var client = App.Client(Tokens.Citizen(NewCitizen()));
        Assert.Equal(HttpStatusCode.BadRequest, (await PutAsync(client, formId, "{ not json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(client, NewFormId(), "{}")).StatusCode);
        var big = $$"""{ "name": "{{new string('x', 2 * 1024 * 1024)}}" }""";
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PutAsync(client, formId, big)).StatusCode);
    }

    [Fact]
    public async Task Submit_DeletesTheDraft()
    {
        var formId = await PublishAsync();
        var client = App.Client(Tokens.Citizen(NewCitizen()));
        await PutAsync(client, formId, """{ "name": "Anna" }""");
        var submitted = await client.PostJsonAsync($"/api/forms/{formId}/submissions", """{ "name": "Anna", "age": 3 }""");
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/forms/{formId}/draft", Ct)).StatusCode);
    }

    // Moving the sidecar's clock past every time to live does not disturb the other tests of the class: they run one
    // after another and each starts a fresh draft.
    [Fact]
    public async Task Draft_PastItsTimeToLive_IsGone_AndANewOneCanStart()
    {
        var formId = await PublishAsync();
        var client = App.Client(Tokens.Citizen(NewCitizen()));
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(client, formId, """{ "name": "old" }""")).StatusCode);

        await fixture.Sidecar.AdvanceClockAsync(TimeSpan.FromDays(31));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/forms/{formId}/draft", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(client, formId, """{ "name": "new" }""")).StatusCode);
    }
}
