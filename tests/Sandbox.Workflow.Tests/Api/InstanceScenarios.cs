using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

/// <summary>Instances run to their end through the task and job APIs; the same scenarios on each store.</summary>
public abstract class InstanceScenarios(IWorkflowFixture fixture)
{
    private WorkflowApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApprovalModel_RunsToItsEndThroughTaskAndJob()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.Read("zbcsharpacc-process.bpmn"));
        var started = await tenant.StartAsync("Process_ApplicationFullfillment", new { applicant = "Anna" });
        var id = started.Str("id");
        Assert.Equal("active", started.Str("status"));
        Assert.Equal(["Task_AppoveUser"], started["activeElementIds"]!.AsArray().Select(e => e!.GetValue<string>()));

        // The model assigns the task to "demo".
        using var demo = tenant.Caseworker("demo");
        var task = (await demo.GetFromJsonAsync<JsonObject>("tasks", Ct))!["items"]!.AsArray().Single(t => t.Str("instanceId") == id)!;
        Assert.Equal("demo", task.Str("assignee"));
        Assert.Equal(HttpStatusCode.OK, (await demo.PostAsync($"tasks/{task.Long("id")}/claim", null, Ct)).StatusCode);
        var completed = await demo.PostAsJsonAsync($"tasks/{task.Long("id")}/complete", new { variables = new { approved = true } }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);

        var job = (await tenant.ActivateAsync("accountService")).Single()!;
        Assert.Equal(id, job.Str("instanceId"));
        Assert.Equal("Anna", job["variables"].Str("applicant"));
        Assert.Equal("create", job["customHeaders"].Str("action"));
        using var worker = tenant.Worker();
        var done = await worker.PostAsJsonAsync($"jobs/{job.Long("key")}/complete", new { variables = new { account = "A-1" } }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);

        var instance = await tenant.InstanceAsync(id);
        Assert.Equal("completed", instance.Str("status"));
        Assert.Empty(instance["activeElementIds"]!.AsArray());
        Assert.Equal("A-1", instance["variables"].Str("account"));
        Assert.Contains(instance["history"]!.AsArray(), h => h.Str("elementId") == "EndEvent_ApplicationApproved" && h!["leftAt"] is not null);
    }

    [Fact]
    public async Task CandidateGroups_OnlyMembersSeeAndCompleteTheTask()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.JobThenTask("permit", "check", candidateGroups: "building-permits"));
        var id = (await tenant.StartAsync("permit")).Str("id");
        var job = (await tenant.ActivateAsync("check")).Single()!;
        using var worker = tenant.Worker();
        Assert.Equal(HttpStatusCode.NoContent, (await worker.PostAsJsonAsync($"jobs/{job.Long("key")}/complete", new { }, Ct)).StatusCode);

        using var outsider = tenant.Caseworker();
        using var member = tenant.Caseworker("member", groups: ["building-permits"]);
        Assert.Empty((await outsider.GetFromJsonAsync<JsonObject>("tasks", Ct))!["items"]!.AsArray());
        var task = (await member.GetFromJsonAsync<JsonObject>("tasks?candidateGroup=building-permits", Ct))!["items"]!.AsArray().Single()!;
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"tasks/{task.Long("id")}/claim", null, Ct)).StatusCode);

        var completed = await member.PostAsJsonAsync($"tasks/{task.Long("id")}/complete", new { variables = new { granted = true } }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        Assert.Equal("completed", (await tenant.InstanceAsync(id)).Str("status"));
        var again = await member.PostAsJsonAsync($"tasks/{task.Long("id")}/complete", new { }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task ClaimedTask_OnlyTheAssigneeCompletesOrUnclaimsIt()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.JobThenTask("permit", "check"));
        var id = (await tenant.StartAsync("permit")).Str("id");
        using var worker = tenant.Worker();
        await worker.PostAsJsonAsync($"jobs/{(await tenant.ActivateAsync("check")).Single().Long("key")}/complete", new { }, Ct);
        using var anna = tenant.Caseworker("anna");
        using var bo = tenant.Caseworker("bo");
        var task = (await anna.GetFromJsonAsync<JsonObject>("tasks", Ct))!["items"]!.AsArray().Single(t => t.Str("instanceId") == id)!.Long("id");

        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync($"tasks/{task}/claim", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await bo.PostAsync($"tasks/{task}/claim", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await bo.PostAsJsonAsync($"tasks/{task}/complete", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await bo.PostAsync($"tasks/{task}/unclaim", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync($"tasks/{task}/unclaim", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bo.PostAsync($"tasks/{task}/claim", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await bo.PostAsJsonAsync($"tasks/{task}/complete", new { }, Ct)).StatusCode);
        Assert.Equal("completed", (await tenant.InstanceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task AnotherTenant_SeesAndTouchesNothing()
    {
        var owner = new TestTenant(App);
        var other = new TestTenant(App);
        await owner.DeployAsync(Models.JobThenTask("permit", "check"));
        var id = (await owner.StartAsync("permit")).Str("id");
        var key = (await owner.ActivateAsync("check", timeout: 1)).Single().Long("key");
        await Task.Delay(20, Ct);

        using var caseworker = other.Caseworker();
        using var worker = other.Worker();
        Assert.Equal(HttpStatusCode.NotFound, (await caseworker.GetAsync($"instances/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await caseworker.PostAsync($"instances/{id}/cancel", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await caseworker.PostAsJsonAsync("processes/permit/instances", new { }, Ct)).StatusCode);
        Assert.Empty(await other.ActivateAsync("check"));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PostAsJsonAsync($"jobs/{key}/complete", new { }, Ct)).StatusCode);
        Assert.Equal("active", (await owner.InstanceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task FailedJob_ComesBackWhileRetriesLastThenRaisesAnIncident()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.JobThenTask("permit", "check"));
        var id = (await tenant.StartAsync("permit")).Str("id");
        using var worker = tenant.Worker();

        var key = (await tenant.ActivateAsync("check")).Single().Long("key");
        Assert.Empty(await tenant.ActivateAsync("check"));
        var failed = await worker.PostAsJsonAsync($"jobs/{key}/fail", new { retries = 1, errorMessage = "register down", retryBackOff = 0 }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, failed.StatusCode);

        var again = (await tenant.ActivateAsync("check")).Single()!;
        Assert.Equal(key, again.Long("key"));
        Assert.Equal(1, again["retries"]!.GetValue<int>());
        var last = await worker.PostAsJsonAsync($"jobs/{key}/fail", new { retries = 0, errorMessage = "register still down", retryBackOff = 0 }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);

        var instance = await tenant.InstanceAsync(id);
        Assert.Equal("incident", instance.Str("status"));
        Assert.Equal("register still down", instance["incidents"]![0].Str("message"));
    }

    [Fact]
    public async Task Incident_ResolvedByTenantAdmin_JobComesBackAndTheInstanceGoesOn()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.JobThenTask("permit", "check"));
        var id = (await tenant.StartAsync("permit")).Str("id");
        using var worker = tenant.Worker();
        var key = (await tenant.ActivateAsync("check")).Single().Long("key");
        await worker.PostAsJsonAsync($"jobs/{key}/fail", new { retries = 0, errorMessage = "down" }, Ct);
        var incident = (await tenant.InstanceAsync(id))["incidents"]![0].Long("key");
        using var caseworker = tenant.Caseworker();
        using var admin = tenant.Admin();

        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.PostAsJsonAsync($"instances/{id}/incidents/{incident}/resolve", new { retries = 2 }, Ct)).StatusCode);
        var resolved = await admin.PostAsJsonAsync($"instances/{id}/incidents/{incident}/resolve", new { retries = 2 }, Ct);

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal("active", (await Json.ObjectAsync(resolved)).Str("status"));
        var again = (await tenant.ActivateAsync("check")).Single()!;
        Assert.Equal(2, again["retries"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"instances/{id}/incidents/{incident}/resolve", new { }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Timer_FiresFromTheStoredSchedule()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.TimerThenJob("reminder", "PT0.2S", "remind"));
        var id = (await tenant.StartAsync("reminder")).Str("id");
        Assert.Equal(["wait"], (await tenant.InstanceAsync(id))["activeElementIds"]!.AsArray().Select(e => e!.GetValue<string>()));

        JsonArray jobs = [];
        for (var attempt = 0; attempt < 100 && jobs.Count == 0; attempt++)
        {
            await Task.Delay(50, Ct);
            jobs = await tenant.ActivateAsync("remind");
        }

        Assert.Equal(id, jobs.Single().Str("instanceId"));
        Assert.Contains((await tenant.InstanceAsync(id))["history"]!.AsArray(), h => h.Str("elementId") == "wait" && h!["leftAt"] is not null);
    }

    [Fact]
    public async Task ParallelWorkers_NeverGetTheSameJob_AndADoubleCompletionIsRefusedOnce()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.JobThenTask("permit", "check"));
        for (var i = 0; i < 12; i++) await tenant.StartAsync("permit");

        var batches = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => tenant.ActivateAsync("check", maxJobs: 4)));
        var keys = batches.SelectMany(b => b).Select(j => j.Long("key")).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(12, keys.Count + (await tenant.ActivateAsync("check", maxJobs: 12)).Count);
        using var first = tenant.Worker();
        using var second = tenant.Worker();
        var answers = await Task.WhenAll(
            first.PostAsJsonAsync($"jobs/{keys[0]}/complete", new { }, Ct),
            second.PostAsJsonAsync($"jobs/{keys[0]}/complete", new { }, Ct));
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
    }

    [Fact]
    public async Task LockedJob_ComesBackAfterItsTimeout()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.JobThenTask("permit", "check"));
        await tenant.StartAsync("permit");

        var first = (await tenant.ActivateAsync("check", timeout: 50)).Single()!;
        await Task.Delay(100, Ct);

        Assert.Equal(first.Long("key"), (await tenant.ActivateAsync("check")).Single().Long("key"));
    }

    [Fact]
    public async Task Cancel_TerminatesTheInstanceAndItsJob()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.JobThenTask("permit", "check"));
        var id = (await tenant.StartAsync("permit")).Str("id");
        using var caseworker = tenant.Caseworker();

        var cancelled = await caseworker.PostAsync($"instances/{id}/cancel", null, Ct);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("terminated", (await Json.ObjectAsync(cancelled)).Str("status"));
        Assert.Empty(await tenant.ActivateAsync("check"));
        Assert.Equal(HttpStatusCode.Conflict, (await caseworker.PostAsync($"instances/{id}/cancel", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Start_GivenVersion_RunsThatVersion()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.JobThenTask("permit", "check-v1"));
        await tenant.DeployAsync(Models.JobThenTask("permit", "check-v2"));
        using var caseworker = tenant.Caseworker();

        var response = await caseworker.PostAsJsonAsync("processes/permit/instances", new { version = 1 }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, (await Json.ObjectAsync(response))["version"]!.GetValue<int>());
        Assert.Single(await tenant.ActivateAsync("check-v1"));
    }
}

public sealed class SqliteInstanceScenarios(SqliteWorkflowFixture fixture) : InstanceScenarios(fixture), IClassFixture<SqliteWorkflowFixture>;

public sealed class PostgresInstanceScenarios(PostgresWorkflowFixture fixture) : InstanceScenarios(fixture), IClassFixture<PostgresWorkflowFixture>;
