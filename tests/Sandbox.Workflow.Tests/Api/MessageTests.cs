using System.Net;
using System.Net.Http.Json;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

public sealed class MessageTests(SqliteWorkflowFixture fixture) : IClassFixture<SqliteWorkflowFixture>
{
    private WorkflowApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Message_WithTheInstancesCorrelationKey_MovesOnlyThatInstance()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.MessageThenJob("intake", "file-document"));
        var first = (await tenant.StartAsync("intake", new { caseId = "c-1" })).Str("id");
        var second = (await tenant.StartAsync("intake", new { caseId = "c-2" })).Str("id");
        using var caseworker = tenant.Caseworker();

        var wrong = await caseworker.PostAsJsonAsync("messages", new { name = "document-received", correlationKey = "c-9" }, Ct);
        var right = await caseworker.PostAsJsonAsync("messages", new { name = "document-received", correlationKey = "c-1", variables = new { pages = 3 } }, Ct);

        Assert.Empty((await Json.ObjectAsync(wrong))["correlated"]!.AsArray());
        Assert.Equal([first], (await Json.ObjectAsync(right))["correlated"]!.AsArray().Select(i => i!.GetValue<string>()));
        var job = (await tenant.ActivateAsync("file-document")).Single()!;
        Assert.Equal(first, job.Str("instanceId"));
        Assert.Equal(3, job["variables"]!["pages"]!.GetValue<int>());
        Assert.Equal(["wait"], (await tenant.InstanceAsync(second))["activeElementIds"]!.AsArray().Select(e => e!.GetValue<string>()));
        var again = await caseworker.PostAsJsonAsync("messages", new { name = "document-received", correlationKey = "c-1" }, Ct);
        Assert.Empty((await Json.ObjectAsync(again))["correlated"]!.AsArray());
    }

    [Fact]
    public async Task Message_WithTimeToLive_ReachesInstancesThatWaitLater_OnceEach()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.MessageThenJob("intake", "file-document"));
        using var caseworker = tenant.Caseworker();
        var published = await caseworker.PostAsJsonAsync("messages",
            new { name = "document-received", correlationKey = "c-5", variables = new { pages = 2 }, timeToLive = 60_000 }, Ct);
        Assert.Empty((await Json.ObjectAsync(published))["correlated"]!.AsArray());

        var first = (await tenant.StartAsync("intake", new { caseId = "c-5" })).Str("id");
        var second = (await tenant.StartAsync("intake", new { caseId = "c-5" })).Str("id");
        var other = (await tenant.StartAsync("intake", new { caseId = "c-6" })).Str("id");

        var jobs = new List<System.Text.Json.Nodes.JsonNode>();
        for (var attempt = 0; attempt < 100 && jobs.Count < 2; attempt++)
        {
            await Task.Delay(50, Ct);
            jobs.AddRange((await tenant.ActivateAsync("file-document")).Select(j => j!));
        }
        await Task.Delay(200, Ct);
        jobs.AddRange((await tenant.ActivateAsync("file-document")).Select(j => j!));
        Assert.Equal(new[] { first, second }.Order(), jobs.Select(j => j.Str("instanceId")).Order());
        Assert.All(jobs, j => Assert.Equal(2, j["variables"]!["pages"]!.GetValue<int>()));
        Assert.Equal(["wait"], (await tenant.InstanceAsync(other))["activeElementIds"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Fact]
    public async Task Message_NegativeTimeToLive_Returns400()
    {
        using var caseworker = new TestTenant(App).Caseworker();
        var response = await caseworker.PostAsJsonAsync("messages", new { name = "m", timeToLive = -1 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Message_NamedByAMessageStartEvent_StartsTheProcess()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.Read("c8jssdk-Client-MessageStart.bpmn"));
        using var worker = tenant.Worker();

        var response = await worker.PostAsJsonAsync("messages", new { name = "MSG-START_JOB", variables = new { frame = 1 } }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var started = (await Json.ObjectAsync(response))["started"]!.AsArray().Single()!.GetValue<string>();
        Assert.Equal(started, (await tenant.ActivateAsync("console-log-msg-start")).Single().Str("instanceId"));
    }

    [Fact]
    public async Task Message_WithoutName_Returns400_AndAnotherTenantsInstanceIsNotReached()
    {
        var owner = new TestTenant(App);
        var other = new TestTenant(App);
        await owner.DeployAsync(Models.MessageThenJob("intake", "file-document"));
        await owner.StartAsync("intake", new { caseId = "c-1" });
        using var stranger = other.Caseworker();

        var nameless = await stranger.PostAsJsonAsync("messages", new { correlationKey = "c-1" }, Ct);
        var foreign = await stranger.PostAsJsonAsync("messages", new { name = "document-received", correlationKey = "c-1" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
        Assert.Empty((await Json.ObjectAsync(foreign))["correlated"]!.AsArray());
        Assert.Empty(await owner.ActivateAsync("file-document"));
    }
}
