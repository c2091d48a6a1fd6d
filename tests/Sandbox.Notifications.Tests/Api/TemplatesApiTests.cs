using System.Net;
using Sandbox.Notifications.Tests.Infrastructure;
using static Sandbox.Notifications.Tests.Infrastructure.Http;

namespace Sandbox.Notifications.Tests.Api;

public abstract class TemplatesApiTests(IStackFixture fixture)
{
    private NotificationsApp App => fixture.Stack.App;

    [Fact]
    public async Task Put_ChangedContent_MakesNewVersion_SameContentDoesNot()
    {
        var id = NewId();
        var designer = App.Client(Tokens.Designer());
        var first = await designer.PutJsonAsync($"/api/notifications/templates/{id}", EmailTemplate("sv", "en"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(1, (int)(await first.JsonAsync())["version"]!);

        var same = await designer.PutJsonAsync($"/api/notifications/templates/{id}", EmailTemplate("sv", "en"));
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(1, (int)(await same.JsonAsync())["version"]!);

        var changed = await designer.PutJsonAsync($"/api/notifications/templates/{id}", EmailTemplate("sv", "nb", "en"));
        Assert.Equal(2, (int)(await changed.JsonAsync())["version"]!);

        var current = await (await designer.GetAsync($"/api/notifications/templates/{id}", Ct)).JsonAsync();
        Assert.Equal(2, (int)current["version"]!);
        Assert.Equal(3, current["variants"]!.AsObject().Count);
        var v1 = await (await designer.GetAsync($"/api/notifications/templates/{id}?version=1", Ct)).JsonAsync();
        Assert.Equal(2, v1["variants"]!.AsObject().Count);
        var list = await (await App.Client(Tokens.Caseworker()).GetAsync("/api/notifications/templates", Ct)).JsonArrayAsync();
        Assert.Contains(list, t => (string)t!["id"]! == id && (int)t["version"]! == 2);
    }

    [Fact]
    public async Task Templates_OfAnotherTenant_AreInvisible()
    {
        var id = await App.PutTemplateAsync(EmailTemplate("sv"));
        var bergen = App.Client(Tokens.Designer("bergen"));
        var get = await bergen.GetAsync($"/api/notifications/templates/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(await (await bergen.GetAsync("/api/notifications/templates", Ct)).JsonArrayAsync(), t => (string)t!["id"]! == id);
        Assert.Equal(HttpStatusCode.NotFound, (await bergen.DeleteAsync($"/api/notifications/templates/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bergen.PostJsonAsync($"/api/notifications/templates/{id}/preview", "{}")).StatusCode);

        // The same id in another tenant is another template.
        var own = await bergen.PutJsonAsync($"/api/notifications/templates/{id}", EmailTemplate("nb"));
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var uppsalas = await (await App.Client(Tokens.Designer()).GetAsync($"/api/notifications/templates/{id}", Ct)).JsonAsync();
        Assert.True(uppsalas["variants"]!.AsObject().ContainsKey("sv"));
        Assert.False(uppsalas["variants"]!.AsObject().ContainsKey("nb"));
    }

    [Fact]
    public async Task Delete_TemplateUsedByEservice_Returns409_UnusedReturns204()
    {
        var designer = App.Client(Tokens.Designer());
        var used = NewId();
        var body = EmailTemplate("sv").Replace("\"description\":\"test\"", "\"description\":\"test\",\"eservice\":\"school-transport\"");
        Assert.Equal(HttpStatusCode.Created, (await designer.PutJsonAsync($"/api/notifications/templates/{used}", body)).StatusCode);
        var refused = await designer.DeleteAsync($"/api/notifications/templates/{used}", Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("school-transport", (string)(await refused.JsonAsync())["detail"]!);

        var unused = await App.PutTemplateAsync(EmailTemplate("sv"));
        Assert.Equal(HttpStatusCode.NoContent, (await designer.DeleteAsync($"/api/notifications/templates/{unused}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await designer.GetAsync($"/api/notifications/templates/{unused}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("nb", "bergen", "nb")]
    [InlineData("nn", "bergen", "nb")]
    [InlineData("se", "tampere", "fi")]
    [InlineData("fi", "tampere", "fi")]
    public async Task Preview_RendersTheFallbackVariantWithSampleData(string language, string tenant, string expected)
    {
        var id = await App.PutTemplateAsync(EmailTemplate("sv", "nb", "fi", "en"), tenant);
        var response = await App.Client(Tokens.Designer(tenant)).PostJsonAsync($"/api/notifications/templates/{id}/preview",
            $$"""{ "language": "{{language}}", "data": { "name": "Kari <b>", "reference": "R-7" } }""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.JsonAsync();
        Assert.Equal(expected, (string)preview["language"]!);
        Assert.Equal($"[{expected}] Case R-7", (string)preview["subject"]!);
        Assert.Contains("Kari &lt;b&gt;", (string)preview["html"]!);
    }

    [Fact]
    public async Task Preview_WithMissingVariables_Returns400NamingThem()
    {
        var id = await App.PutTemplateAsync(EmailTemplate("sv"));
        var response = await App.Client(Tokens.Designer()).PostJsonAsync($"/api/notifications/templates/{id}/preview", """{ "data": {} }""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(["reference", "name"], problem["missingVariables"]!.AsArray().Select(n => (string)n!).ToArray());
    }

    [Theory]
    [InlineData("""{ "channel": "fax", "variants": { "sv": { "subject": "s", "body": "b" } } }""", "channel")]
    [InlineData("""{ "channel": "email", "variants": {} }""", "variants")]
    [InlineData("""{ "channel": "email", "variants": { "de": { "subject": "s", "body": "b" } } }""", "variants.de")]
    [InlineData("""{ "channel": "email", "variants": { "sv": { "subject": "s", "body": "Hej {{ name" } } }""", "variants.sv.body")]
    [InlineData("""{ "channel": "email", "variants": { "sv": { "body": "b" } } }""", "variants.sv.subject")]
    public async Task Put_BadTemplate_Returns400NamingTheField(string body, string field)
    {
        var response = await App.Client(Tokens.Designer()).PutJsonAsync($"/api/notifications/templates/{NewId()}", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.JsonAsync())["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task Put_MalformedJson_Returns400Problem_AndCaseworkerMayNotWrite()
    {
        var designer = App.Client(Tokens.Designer());
        var malformed = await designer.PutJsonAsync($"/api/notifications/templates/{NewId()}", "{ \"channel\": ");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.Client(Tokens.Caseworker()).PutJsonAsync($"/api/notifications/templates/{NewId()}", EmailTemplate("sv"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Client().GetAsync("/api/notifications/templates", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await designer.PutJsonAsync("/api/notifications/templates/bad%20id", EmailTemplate("sv"))).StatusCode);
    }
}

public sealed class SqliteTemplatesApiTests(SqliteStackFixture fixture) : TemplatesApiTests(fixture), IClassFixture<SqliteStackFixture>;

public sealed class PostgresTemplatesApiTests(PostgresStackFixture fixture) : TemplatesApiTests(fixture), IClassFixture<PostgresStackFixture>;
