using System.Net;
using System.Text.Json.Nodes;
using Sandbox.Forms.Tests.Infrastructure;
using static Sandbox.Forms.Tests.Infrastructure.Http;

namespace Sandbox.Forms.Tests.Api;

/// <summary>Publishing with translations, serving in a language, and the html and read-only components.</summary>
public sealed class TranslationsApiTests(SqliteFormsFixture fixture) : IClassFixture<SqliteFormsFixture>
{
    private FormsApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Schema(string id) => $$"""
        { "id": "{{id}}", "type": "default", "components": [
          { "type": "textfield", "id": "Field_name", "key": "name", "label": "Name", "description": "As in your passport" },
          { "type": "radio", "key": "transport", "label": "Transport", "values": [ { "label": "Bus", "value": "bus" }, { "label": "Taxi", "value": "taxi" } ] },
          { "type": "html", "id": "Info", "content": "<p onclick=\"steal()\">Read <a href=\"javascript:alert(1)\">this</a></p><script>alert(1)</script>" }
        ] }
        """;

    private async Task<(string Id, HttpResponseMessage Response)> PublishEnvelopeAsync(string translations)
    {
        var id = NewFormId();
        var body = $$"""{ "schema": {{Schema(id)}}, "translations": {{translations}} }""";
        return (id, await App.Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions", body));
    }

    [Fact]
    public async Task Get_WithLang_ServesTranslatedTexts_FallingBackToTheSchemasOwn()
    {
        var (id, published) = await PublishEnvelopeAsync("""
            { "nb": { "$title": "Skoleskyss", "name.label": "Navn", "transport.values.bus": "Buss", "Info.content": "<b>Les</b><img src=x onerror=alert(1)>" },
              "sv": { "Field_name.label": "Namn" } }
            """);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);

        var nb = await (await App.Client(Tokens.Citizen("c-tr")).GetAsync($"/api/forms/definitions/{id}?lang=nb", Ct)).JsonAsync();
        Assert.Equal("nb", (string)nb["language"]!);
        var schema = nb["schema"]!;
        Assert.Equal("Skoleskyss", (string)schema["title"]!);
        var components = schema["components"]!.AsArray();
        Assert.Equal("Navn", (string)components[0]!["label"]!);
        Assert.Equal("As in your passport", (string)components[0]!["description"]!);
        Assert.Equal("Buss", (string)components[1]!["values"]![0]!["label"]!);
        Assert.Equal("Taxi", (string)components[1]!["values"]![1]!["label"]!);
        var html = (string)components[2]!["content"]!;
        Assert.Contains("<b>Les</b>", html);
        Assert.DoesNotContain("onerror", html);

        var sv = await (await App.Client(Tokens.Citizen("c-tr")).GetAsync($"/api/forms/definitions/{id}?lang=sv-SE", Ct)).JsonAsync();
        Assert.Equal("Namn", (string)sv["schema"]!["components"]![0]!["label"]!);
        var fi = await (await App.Client(Tokens.Citizen("c-tr")).GetAsync($"/api/forms/definitions/{id}?lang=fi", Ct)).JsonAsync();
        Assert.Equal("Name", (string)fi["schema"]!["components"]![0]!["label"]!);

        var raw = await (await App.Client(Tokens.Designer()).GetAsync($"/api/forms/definitions/{id}", Ct)).JsonAsync();
        Assert.Equal("Navn", (string)raw["translations"]!["nb"]!["name.label"]!);
        Assert.Equal("Name", (string)raw["schema"]!["components"]![0]!["label"]!);
    }

    [Fact]
    public async Task Publish_SanitisesHtmlContent()
    {
        var (id, published) = await PublishEnvelopeAsync("{}");
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var content = (string)(await published.JsonAsync())["schema"]!["components"]![2]!["content"]!;
        Assert.DoesNotContain("<script", content);
        Assert.DoesNotContain("onclick", content);
        Assert.DoesNotContain("javascript:", content);
        Assert.Contains("Read", content);
    }

    [Fact]
    public async Task Publish_ChangedTranslation_MakesANewVersion()
    {
        var id = NewFormId();
        var designer = App.Client(Tokens.Designer());
        string Body(string label) => $$"""{ "schema": {{Schema(id)}}, "translations": { "fi": { "name.label": "{{label}}" } } }""";
        Assert.Equal(1, (int)(await (await designer.PostJsonAsync("/api/forms/definitions", Body("Nimi"))).JsonAsync())["version"]!);
        Assert.Equal(HttpStatusCode.OK, (await designer.PostJsonAsync("/api/forms/definitions", Body("Nimi"))).StatusCode);
        Assert.Equal(2, (int)(await (await designer.PostJsonAsync("/api/forms/definitions", Body("Etunimi"))).JsonAsync())["version"]!);
    }

    [Theory]
    [InlineData("""{ "de": { "name.label": "Name" } }""", "translations.de")]
    [InlineData("""{ "sv": { "nothing.label": "x" } }""", "translations.sv")]
    [InlineData("""{ "sv": { "name.colour": "x" } }""", "translations.sv")]
    [InlineData("""{ "sv": { "name.label": 3 } }""", "translations.sv")]
    [InlineData("""[]""", "translations")]
    public async Task Publish_UnusableTranslation_Returns400NamingIt(string translations, string field)
    {
        var (_, response) = await PublishEnvelopeAsync(translations);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync())["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task Submit_ReadonlyField_KeepsItsDefault_DisabledFieldIsDropped()
    {
        var id = NewFormId();
        var schema = $$"""
            { "id": "{{id}}", "components": [
              { "type": "textfield", "key": "name" },
              { "type": "textfield", "key": "municipality", "readonly": true, "defaultValue": "Uppsala" },
              { "type": "number", "key": "fee", "disabled": true, "defaultValue": 100 }
            ] }
            """;
        await App.Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions", schema);
        var client = App.Client(Tokens.Citizen("c-ro-" + Guid.NewGuid().ToString("n")[..6]));
        var response = await client.PostJsonAsync($"/api/forms/{id}/submissions", """{ "name": "<script>x</script>", "municipality": "Stockholm", "fee": 0 }""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var submissionId = (string)(await response.JsonAsync())["id"]!;

        var data = (await (await client.GetAsync($"/api/forms/submissions/{submissionId}", Ct)).JsonAsync())["data"]!.AsObject();
        Assert.Equal("Uppsala", (string)data["municipality"]!);
        Assert.False(data.ContainsKey("fee"));
        Assert.Equal("<script>x</script>", (string)data["name"]!);
    }
}
