using System.Net;
using Sandbox.Forms.Tests.Infrastructure;
using static Sandbox.Forms.Tests.Infrastructure.Http;

namespace Sandbox.Forms.Tests.Api;

public abstract class DefinitionsApiTests(IFormsFixture fixture)
{
    private FormsApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Info_IsAnonymous()
    {
        var response = await App.Client().GetAsync("/api/forms/info", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Publish_WithoutToken_Returns401_AndAsCitizen_Returns403()
    {
        var form = SampleForm(NewFormId());
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Client().PostJsonAsync("/api/forms/definitions", form)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.Client(Tokens.Citizen("c-1")).PostJsonAsync("/api/forms/definitions", form)).StatusCode);
    }

    [Fact]
    public async Task Publish_ChangedSchema_MakesNewVersion_UnchangedDoesNot()
    {
        var id = NewFormId();
        var designer = App.Client(Tokens.Designer());
        var first = await designer.PostJsonAsync("/api/forms/definitions", SampleForm(id));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(1, (int)(await first.JsonAsync())["version"]!);

        var again = await designer.PostJsonAsync("/api/forms/definitions", SampleForm(id));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, (int)(await again.JsonAsync())["version"]!);

        var changed = await designer.PostJsonAsync("/api/forms/definitions", SampleForm(id, """, { "type": "checkbox", "key": "agree" }"""));
        Assert.Equal(2, (int)(await changed.JsonAsync())["version"]!);

        var latest = await (await designer.GetAsync($"/api/forms/definitions/{id}", Ct)).JsonAsync();
        Assert.Equal(2, (int)latest["version"]!);
        Assert.Equal(5, latest["schema"]!["components"]!.AsArray().Count);
        var v1 = await (await designer.GetAsync($"/api/forms/definitions/{id}?version=1", Ct)).JsonAsync();
        Assert.Equal(4, v1["schema"]!["components"]!.AsArray().Count);
    }

    [Fact]
    public async Task Get_OtherTenantsForm_Returns404()
    {
        var id = NewFormId();
        await App.Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions", SampleForm(id));
        var response = await App.Client(Tokens.Designer("designer-2", tenant: "bergen")).GetAsync($"/api/forms/definitions/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{ "type": "rocket", "id": "Rocket_1", "key": "r" }""", "Rocket_1")]
    [InlineData("""{ "type": "textfield", "id": "Field_9", "key": "t", "conditional": { "hide": "=a >" } }""", "Field_9")]
    public async Task Publish_UnusableComponent_Returns400NamingIt(string component, string name)
    {
        var schema = $$"""{ "id": "{{NewFormId()}}", "components": [{{component}}] }""";
        var response = await App.Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions", schema);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(name, (string)(await response.JsonAsync())["errors"]!["schema"]![0]!);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{ "components": [] }""")]
    public async Task Publish_BadBody_Returns400Problem(string body)
    {
        var response = await App.Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Publish_TenMegabytes_Returns413()
    {
        var body = $$"""{ "id": "big", "components": [], "padding": "{{new string('x', 10 * 1024 * 1024)}}" }""";
        var response = await App.Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Validate_AnswersErrorsPerFieldInTheCallersLanguage()
    {
        var id = NewFormId();
        await App.Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions", SampleForm(id));
        var client = App.Client(Tokens.Designer(), language: "sv-SE, en;q=0.5");

        var invalid = await client.PostJsonAsync($"/api/forms/definitions/{id}/validate", """{ "email": "nope", "age": 30, "admin": true }""");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.JsonAsync())["errors"]!.AsObject();
        Assert.Equal(["admin", "email", "name", "reason"], errors.Select(e => e.Key).Order());
        Assert.Equal("Fältet är obligatoriskt.", (string)errors["name"]![0]!);

        var valid = await client.PostJsonAsync($"/api/forms/definitions/{id}/validate", """{ "name": "Anna", "age": 12, "reason": "dropped" }""");
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Null((await valid.JsonAsync())["data"]!["reason"]);
    }

    [Fact]
    public async Task Validate_UnknownForm_Returns404()
    {
        var response = await App.Client(Tokens.Designer()).PostJsonAsync($"/api/forms/definitions/{NewFormId()}/validate", "{}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class SqliteDefinitionsApiTests(SqliteFormsFixture fixture) : DefinitionsApiTests(fixture), IClassFixture<SqliteFormsFixture>;

public sealed class PostgresDefinitionsApiTests(PostgresFormsFixture fixture) : DefinitionsApiTests(fixture), IClassFixture<PostgresFormsFixture>;
