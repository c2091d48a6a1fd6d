using System.Net;
using System.Text.Json.Nodes;
using Sandbox.Forms.Tests.Infrastructure;
using Sandbox.Forms.Tests.Validation;
using Sandbox.Forms.Validation;
using static Sandbox.Forms.Tests.Infrastructure.Http;

namespace Sandbox.Forms.Tests.Api;

/// <summary>Every public form-js schema in TestData/forms deploys through HTTP and validates through HTTP.</summary>
public sealed class TestDataFormsApiTests(SqliteFormsFixture fixture) : IClassFixture<SqliteFormsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDataFormTests.Files), MemberType = typeof(TestDataFormTests))]
    public async Task Schema_Deploys_AndValidatesGeneratedData_AndFailsOnTheRightField(string file)
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "forms", file), Ct))!.AsObject();
        var id = NewFormId();
        json["id"] = id;
        var designer = fixture.App.Client(Tokens.Designer());
        var published = await designer.PostJsonAsync("/api/forms/definitions", json.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);

        var schema = FormSchema.Parse(json);
        var valid = await designer.PostJsonAsync($"/api/forms/definitions/{id}/validate", SampleData.For(schema).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);

        var data = SampleData.For(schema);
        data["field_the_form_does_not_have"] = "x";
        var invalid = await designer.PostJsonAsync($"/api/forms/definitions/{id}/validate", data.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["field_the_form_does_not_have"], (await invalid.JsonAsync())["errors"]!.AsObject().Select(e => e.Key));
    }
}
