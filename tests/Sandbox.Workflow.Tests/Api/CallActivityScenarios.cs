using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

/// <summary>Call activities across instances, through HTTP; the same scenarios on each store.</summary>
public abstract class CallActivityScenarios(IWorkflowFixture fixture)
{
    private WorkflowApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Call_StartsTheChild_ItsTaskCompletes_AndTheParentContinuesWithItsOutput()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(CallModels.Review("vetting"));
        await tenant.DeployAsync(CallModels.Caller("apply", "vetting", after: "archive", before: "prepare"));
        var parentId = (await tenant.StartAsync("apply", new { applicant = "Anna" })).Str("id");
        // The case metadata the child inherits (an instance started from a submission carries it).
        await App.ReadAsync(db => db.Instances.Where(i => i.Id == parentId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Reference, "REF-1").SetProperty(i => i.Subject, "citizen-1").SetProperty(i => i.SubmissionId, "sub-" + parentId), Ct));
        await CompleteJobAsync(tenant, "prepare", parentId);

        var parent = await tenant.InstanceAsync(parentId);
        var called = Assert.Single(parent["calledInstances"]!.AsArray())!;
        Assert.Equal(("vetting", "call", "active"), (called.Str("bpmnProcessId"), called.Str("elementId"), called.Str("status")));
        var childId = called.Str("id");
        var child = await tenant.InstanceAsync(childId);
        Assert.Equal(parentId, child.Str("parentInstanceId"));
        Assert.Equal(called.Long("elementInstanceKey"), child.Long("parentElementInstanceKey"));
        Assert.Equal("Anna", child["variables"].Str("applicant"));

        using var caseworker = tenant.Caseworker();
        var task = (await caseworker.GetFromJsonAsync<JsonObject>("tasks", Ct))!["items"]!.AsArray().Single(t => t.Str("instanceId") == childId)!;
        Assert.Equal("REF-1", task.Str("reference"));
        using var citizen = tenant.Citizen("citizen-1");
        Assert.Equal(parentId, Assert.Single((await citizen.GetFromJsonAsync<JsonArray>("cases/mine", Ct))!)!.Str("instanceId"));
        Assert.Equal(HttpStatusCode.Conflict, (await caseworker.PostAsync($"instances/{childId}/cancel", null, Ct)).StatusCode);

        var done = await caseworker.PostAsJsonAsync($"tasks/{task.Long("id")}/complete", new { variables = new { approved = true } }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);

        var archive = await CompleteJobAsync(tenant, "archive", parentId);
        Assert.True(archive["variables"]!["approved"]!.GetValue<bool>());
        parent = await WaitForStatusAsync(tenant, parentId, "completed");
        Assert.True(parent["variables"]!["approved"]!.GetValue<bool>());
        Assert.Equal("completed", (await tenant.InstanceAsync(childId)).Str("status"));
        Assert.Equal(1, await App.ReadAsync(db => db.CallResults.CountAsync(c => c.ParentInstanceId == parentId && c.State == "completed", Ct)));
    }

    [Fact]
    public async Task ErrorEndEventInTheChild_IsCaughtByTheBoundaryOnTheCallActivity()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(CallModels.Rejecting("inspection", "inspect"));
        await tenant.DeployAsync(CallModels.Caller("permit", "inspection", after: "issue", catchError: true));
        var parentId = (await tenant.StartAsync("permit")).Str("id");
        var childId = (await tenant.InstanceAsync(parentId))["calledInstances"]![0].Str("id");

        await CompleteJobAsync(tenant, "inspect", childId);

        var parent = await WaitForStatusAsync(tenant, parentId, "completed");
        Assert.Contains(parent["history"]!.AsArray(), h => h.Str("elementId") == "handled");
        Assert.DoesNotContain(parent["history"]!.AsArray(), h => h.Str("elementId") == "next");
        Assert.Equal("terminated", (await tenant.InstanceAsync(childId)).Str("status"));
    }

    [Fact]
    public async Task ErrorThatNothingCatches_StaysAnIncidentInTheChild_AndTheParentWaits()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(CallModels.Rejecting("inspection", "inspect"));
        await tenant.DeployAsync(CallModels.Caller("permit", "inspection"));
        var parentId = (await tenant.StartAsync("permit")).Str("id");
        var childId = (await tenant.InstanceAsync(parentId))["calledInstances"]![0].Str("id");

        await CompleteJobAsync(tenant, "inspect", childId);
        await WaitAsync(() => App.ReadAsync(db => db.CallResults.AnyAsync(c => c.ChildInstanceId == childId && c.State != "open", Ct)));

        var child = await tenant.InstanceAsync(childId);
        Assert.Equal("incident", child.Str("status"));
        Assert.Equal(("UnhandledError", "reject"), (child["incidents"]![0].Str("kind"), child["incidents"]![0].Str("elementId")));
        var parent = await tenant.InstanceAsync(parentId);
        Assert.Equal("active", parent.Str("status"));
        Assert.Equal(["call"], parent["activeElementIds"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Fact]
    public async Task CancellingTheParent_TerminatesTheChildAndItsTask()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(CallModels.Review("vetting"));
        await tenant.DeployAsync(CallModels.Caller("apply", "vetting"));
        var parentId = (await tenant.StartAsync("apply")).Str("id");
        var childId = (await tenant.InstanceAsync(parentId))["calledInstances"]![0].Str("id");

        using var caseworker = tenant.Caseworker();
        Assert.Equal(HttpStatusCode.OK, (await caseworker.PostAsync($"instances/{parentId}/cancel", null, Ct)).StatusCode);

        Assert.Equal("terminated", (await tenant.InstanceAsync(childId)).Str("status"));
        Assert.DoesNotContain((await caseworker.GetFromJsonAsync<JsonObject>("tasks", Ct))!["items"]!.AsArray(), t => t.Str("instanceId") == childId);
        Assert.Equal("cancelled", await App.ReadAsync(db => db.UserTasks.Where(t => t.InstanceId == childId).Select(t => t.State).SingleAsync(Ct)));
    }

    [Fact]
    public async Task MissingCalledProcess_RaisesAnIncident_ThatRunsOnceItIsDeployed()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(CallModels.Caller("apply", "later"));
        var parentId = (await tenant.StartAsync("apply")).Str("id");
        var parent = await tenant.InstanceAsync(parentId);
        Assert.Equal("incident", parent.Str("status"));
        var incident = parent["incidents"]![0]!;
        Assert.Equal(("CalledProcessNotFound", "call"), (incident.Str("kind"), incident.Str("elementId")));
        Assert.Contains("'later'", incident.Str("message"));
        Assert.Empty(parent["calledInstances"]!.AsArray());

        await tenant.DeployAsync(CallModels.Review("later"));
        using var admin = tenant.Admin();
        var resolved = await admin.PostAsJsonAsync($"instances/{parentId}/incidents/{incident.Long("key")}/resolve", new { }, Ct);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);

        parent = await tenant.InstanceAsync(parentId);
        Assert.Equal("active", parent.Str("status"));
        Assert.Equal("later", Assert.Single(parent["calledInstances"]!.AsArray())!.Str("bpmnProcessId"));
    }

    [Fact]
    public async Task NestedTwoLevels_TheLeafsOutputReachesTheRoot()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(CallModels.Review("leaf"));
        await tenant.DeployAsync(CallModels.Caller("middle", "leaf"));
        await tenant.DeployAsync(CallModels.Caller("root", "middle"));
        var rootId = (await tenant.StartAsync("root")).Str("id");
        var middleId = (await tenant.InstanceAsync(rootId))["calledInstances"]![0].Str("id");
        var leafId = (await tenant.InstanceAsync(middleId))["calledInstances"]![0].Str("id");
        Assert.Equal(middleId, (await tenant.InstanceAsync(leafId)).Str("parentInstanceId"));

        await CompleteTaskAsync(tenant, leafId, new { grade = "A" });

        var root = await WaitForStatusAsync(tenant, rootId, "completed");
        Assert.Equal("A", root["variables"].Str("grade"));
        Assert.Equal("completed", (await tenant.InstanceAsync(middleId)).Str("status"));
    }

    [Fact]
    public async Task ParallelMultiInstanceCall_StartsOneChildPerItem_AndCollectsTheirOutput()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(CallModels.Review("vetting"));
        await tenant.DeployAsync(CallModels.Caller("panel", "vetting", loop: true));
        var parentId = (await tenant.StartAsync("panel", new { applicants = new[] { "Anna", "Bo" } })).Str("id");
        var children = (await tenant.InstanceAsync(parentId))["calledInstances"]!.AsArray().Select(c => c.Str("id")).ToList();
        Assert.Equal(2, children.Count);
        var applicants = new List<string>();
        foreach (var childId in children) applicants.Add((await tenant.InstanceAsync(childId))["variables"].Str("applicant"));
        Assert.Equal(["Anna", "Bo"], applicants.Order());

        foreach (var childId in children)
        {
            var applicant = (await tenant.InstanceAsync(childId))["variables"].Str("applicant");
            await CompleteTaskAsync(tenant, childId, new { decision = "ok-" + applicant });
        }

        var parent = await WaitForStatusAsync(tenant, parentId, "completed");
        Assert.Equal(["ok-Anna", "ok-Bo"], parent["variables"]!["decisions"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    private async Task CompleteTaskAsync(TestTenant tenant, string instanceId, object variables)
    {
        using var caseworker = tenant.Caseworker();
        var task = (await caseworker.GetFromJsonAsync<JsonObject>("tasks", Ct))!["items"]!.AsArray().Single(t => t.Str("instanceId") == instanceId)!;
        var done = await caseworker.PostAsJsonAsync($"tasks/{task.Long("id")}/complete", new { variables }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
    }

    private static async Task<JsonNode> CompleteJobAsync(TestTenant tenant, string type, string instanceId)
    {
        JsonArray jobs = [];
        await WaitAsync(async () => (jobs = await tenant.ActivateAsync(type)).Count > 0);
        var job = Assert.Single(jobs)!;
        Assert.Equal(instanceId, job.Str("instanceId"));
        using var worker = tenant.Worker();
        Assert.Equal(HttpStatusCode.NoContent, (await worker.PostAsJsonAsync($"jobs/{job.Long("key")}/complete", new { }, Ct)).StatusCode);
        return job;
    }

    private static async Task<JsonObject> WaitForStatusAsync(TestTenant tenant, string id, string status)
    {
        JsonObject instance = [];
        await WaitAsync(async () => (instance = await tenant.InstanceAsync(id)).Str("status") == status);
        return instance;
    }

    // Waits for work a background loop does; the bound only keeps a broken build from hanging.
    private static async Task WaitAsync(Func<Task<bool>> done)
    {
        for (var attempt = 0; attempt < 400; attempt++)
        {
            if (await done()) return;
            await Task.Delay(50, Ct);
        }
        Assert.Fail("The expected state was not reached");
    }
}

public sealed class SqliteCallActivityScenarios(SqliteWorkflowFixture fixture) : CallActivityScenarios(fixture), IClassFixture<SqliteWorkflowFixture>;

public sealed class PostgresCallActivityScenarios(PostgresWorkflowFixture fixture) : CallActivityScenarios(fixture), IClassFixture<PostgresWorkflowFixture>;
