using System.Net;
using System.Text.Json.Nodes;
using Sandbox.Forms.Tests.Infrastructure;
using static Sandbox.Forms.Tests.Infrastructure.Http;

namespace Sandbox.Forms.Tests.Api;

public abstract class SubmissionsApiTests(IFormsFixture fixture)
{
    private FormsApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> PublishAsync()
    {
        var id = NewFormId();
        var response = await App.Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions", SampleForm(id));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    private static string NewCitizen() => "persona-" + Guid.NewGuid().ToString("n")[..8];

    [Fact]
    public async Task Submit_ValidData_Returns201WithReference_AndPublishesEvent()
    {
        var formId = await PublishAsync();
        var response = await App.Client(Tokens.Citizen(NewCitizen())).PostJsonAsync($"/api/forms/{formId}/submissions",
            """{ "name": "<script>alert(1)</script>", "age": 40, "reason": "move" }""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.JsonAsync();
        Assert.Matches(@"^SKS-\d{4}-\d{6}$", (string)receipt["reference"]!);
        Assert.Equal(1, (int)receipt["formVersion"]!);
        var id = (string)receipt["id"]!;

        var (topic, payload) = await App.Events.WaitForAsync(e => e.Payload.Contains(id, StringComparison.Ordinal));
        Assert.Equal("submission-received", topic);
        var data = JsonNode.Parse(payload)!["data"]!;
        Assert.Equal("<script>alert(1)</script>", (string)data["name"]!);
    }

    [Fact]
    public async Task Submit_InvalidData_Returns400_AndStoresNothing()
    {
        var formId = await PublishAsync();
        var client = App.Client(Tokens.Citizen(NewCitizen()), language: "fi");
        var response = await client.PostJsonAsync($"/api/forms/{formId}/submissions", """{ "age": "old" }""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync())["errors"]!.AsObject();
        Assert.Equal("Kenttä on pakollinen.", (string)errors["name"]![0]!);
        Assert.True(errors.ContainsKey("age"));
        Assert.Empty(await (await client.GetAsync("/api/forms/submissions/mine", Ct)).JsonArrayAsync());
    }

    [Fact]
    public async Task Submit_AsDesigner_Returns403_AndWithoutToken_Returns401()
    {
        var formId = await PublishAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await App.Client(Tokens.Designer()).PostJsonAsync($"/api/forms/{formId}/submissions", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Client().PostJsonAsync($"/api/forms/{formId}/submissions", "{}")).StatusCode);
    }

    [Fact]
    public async Task Submit_FormOfAnotherTenant_Returns404()
    {
        var formId = await PublishAsync();
        var response = await App.Client(Tokens.Citizen(NewCitizen(), tenant: "tampere")).PostJsonAsync($"/api/forms/{formId}/submissions", """{ "name": "A" }""");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Submit_WithIdempotencyKey_ReturnsFirstResultOnRetry()
    {
        var formId = await PublishAsync();
        var client = App.Client(Tokens.Citizen(NewCitizen()));
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var first = await (await client.PostJsonAsync($"/api/forms/{formId}/submissions", """{ "name": "A", "age": 10 }""")).JsonAsync();
        var retry = await client.PostJsonAsync($"/api/forms/{formId}/submissions", """{ "name": "A", "age": 10 }""");

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var second = await retry.JsonAsync();
        Assert.Equal((string)first["id"]!, (string)second["id"]!);
        Assert.Equal((string)first["reference"]!, (string)second["reference"]!);
        Assert.Single(await (await client.GetAsync("/api/forms/submissions/mine", Ct)).JsonArrayAsync());
    }

    [Fact]
    public async Task Mine_ShowsOnlyTheCallersSubmissions()
    {
        var formId = await PublishAsync();
        var anna = App.Client(Tokens.Citizen(NewCitizen()));
        var bo = App.Client(Tokens.Citizen(NewCitizen()));
        var annas = await (await anna.PostJsonAsync($"/api/forms/{formId}/submissions", """{ "name": "Anna", "age": 9 }""")).JsonAsync();
        await bo.PostJsonAsync($"/api/forms/{formId}/submissions", """{ "name": "Bo", "age": 9 }""");

        var mine = await (await anna.GetAsync("/api/forms/submissions/mine", Ct)).JsonArrayAsync();
        Assert.Equal((string)annas["id"]!, (string)Assert.Single(mine)!["id"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.Client(Tokens.Caseworker()).GetAsync("/api/forms/submissions/mine", Ct)).StatusCode);
    }

    [Fact]
    public async Task Caseworker_SeesOnlyOwnTenantsSubmissions()
    {
        var formId = await PublishAsync();
        var receipt = await (await App.Client(Tokens.Citizen(NewCitizen())).PostJsonAsync($"/api/forms/{formId}/submissions", """{ "name": "Anna", "age": 9 }""")).JsonAsync();

        var own = await App.Client(Tokens.Caseworker()).GetAsync($"/api/forms/tenants/uppsala/submissions?formId={formId}", Ct);
        var item = Assert.Single(await own.JsonArrayAsync())!;
        Assert.Equal((string)receipt["id"]!, (string)item["id"]!);
        Assert.Equal("Anna", (string)item["data"]!["name"]!);

        var other = await App.Client(Tokens.Caseworker("caseworker-9", tenant: "bergen")).GetAsync($"/api/forms/tenants/uppsala/submissions?formId={formId}", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var theirs = await App.Client(Tokens.Caseworker("caseworker-9", tenant: "bergen")).GetAsync($"/api/forms/tenants/bergen/submissions?formId={formId}", Ct);
        Assert.Empty(await theirs.JsonArrayAsync());
    }

    [Fact]
    public async Task References_AreDistinct()
    {
        var formId = await PublishAsync();
        var client = App.Client(Tokens.Citizen(NewCitizen()));
        var posts = Enumerable.Range(0, 5).Select(_ => client.PostJsonAsync($"/api/forms/{formId}/submissions", """{ "name": "A", "age": 1 }"""));
        var references = new List<string>();
        foreach (var response in await Task.WhenAll(posts)) references.Add((string)(await response.JsonAsync())["reference"]!);
        Assert.Equal(5, references.Distinct().Count());
    }
}

public sealed class SqliteSubmissionsApiTests(SqliteFormsFixture fixture) : SubmissionsApiTests(fixture), IClassFixture<SqliteFormsFixture>;

public sealed class PostgresSubmissionsApiTests(PostgresFormsFixture fixture) : SubmissionsApiTests(fixture), IClassFixture<PostgresFormsFixture>;
