using System.Net;
using System.Net.Http.Json;
using System.Text;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

public sealed class BadInputTests(SqliteWorkflowFixture fixture) : IClassFixture<SqliteWorkflowFixture>
{
    private WorkflowApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Start_UnknownProcessOrVersion_Returns404()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.JobThenTask("permit", "check"));
        using var caseworker = tenant.Caseworker();

        Assert.Equal(HttpStatusCode.NotFound, (await caseworker.PostAsJsonAsync("processes/nothing/instances", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await caseworker.PostAsJsonAsync("processes/permit/instances", new { version = 7 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await caseworker.PostAsJsonAsync("processes/permit/instances", new { version = 0 }, Ct)).StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"variables\": [1, 2]}")]
    [InlineData("{\"variables\": \"text\"}")]
    public async Task Start_MalformedBody_Returns400ProblemDetails(string body)
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.JobThenTask("permit", "check"));
        using var caseworker = tenant.Caseworker();

        var response = await caseworker.PostAsync("processes/permit/instances", JsonBody(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("{\"worker\": \"w\", \"maxJobs\": 1, \"timeout\": 1000}")]
    [InlineData("{\"type\": \"t\", \"maxJobs\": 1, \"timeout\": 1000}")]
    [InlineData("{\"type\": \"t\", \"worker\": \"w\", \"maxJobs\": 0, \"timeout\": 1000}")]
    [InlineData("{\"type\": \"t\", \"worker\": \"w\", \"maxJobs\": 1000000, \"timeout\": 1000}")]
    [InlineData("{\"type\": \"t\", \"worker\": \"w\", \"maxJobs\": 1, \"timeout\": -5}")]
    [InlineData("{\"type\": 5}")]
    [InlineData("")]
    public async Task Activate_InvalidRequest_Returns400(string body)
    {
        using var worker = new TestTenant(App).Worker();
        var response = await worker.PostAsync("jobs/activate", JsonBody(body), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task JobCommands_InvalidOrUnknown_Answer4xx()
    {
        var tenant = new TestTenant(App);
        using var worker = tenant.Worker();

        Assert.Equal(HttpStatusCode.NotFound, (await worker.PostAsJsonAsync("jobs/123456789/complete", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.PostAsJsonAsync("jobs/1/fail", new { retries = -1 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.PostAsJsonAsync("jobs/1/error", new { errorMessage = "no code" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PostAsJsonAsync("jobs/not-a-number/complete", new { }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Roles_WrongRoleRefused403()
    {
        var tenant = new TestTenant(App);
        using var designer = tenant.Designer();
        using var caseworker = tenant.Caseworker();
        using var citizen = App.Client(Tokens.Create("citizen-1", tenant.Id, ["citizen"]));

        Assert.Equal(HttpStatusCode.Forbidden, (await designer.GetAsync("tasks", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.PostAsJsonAsync("jobs/activate", new { type = "t", worker = "w", maxJobs = 1, timeout = 10 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("instances/x", Ct)).StatusCode);
    }

    [Fact]
    public async Task Tasks_InvalidPaging_Returns400()
    {
        using var caseworker = new TestTenant(App).Caseworker();
        Assert.Equal(HttpStatusCode.BadRequest, (await caseworker.GetAsync("tasks?page=0", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await caseworker.GetAsync("tasks?pageSize=5000", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await caseworker.GetAsync("tasks?page=abc", Ct)).StatusCode);
    }

    [Fact]
    public async Task ThrownError_NothingCatches_RaisesIncidentWithTheMessage()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.JobThenTask("permit", "check"));
        var id = (await tenant.StartAsync("permit")).Str("id");
        var key = (await tenant.ActivateAsync("check")).Single().Long("key");
        using var worker = tenant.Worker();

        var response = await worker.PostAsJsonAsync($"jobs/{key}/error", new { errorCode = "NOT_FOUND", errorMessage = "no such property" }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var instance = await tenant.InstanceAsync(id);
        Assert.Equal("incident", instance.Str("status"));
        Assert.Contains("no such property", instance["incidents"]![0].Str("message"), StringComparison.Ordinal);
    }
}
