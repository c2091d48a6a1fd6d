using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

public sealed class TaskDetailTests(SqliteWorkflowFixture fixture) : IClassFixture<SqliteWorkflowFixture>
{
    private WorkflowApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Task_ShowsItsVariablesAndCase_AndTheListFiltersByDueDate()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(PilotModels.NotifyThenReview("review-a", "x", "someone@example.org"));
        var late = (await tenant.StartAsync("review-a", new { dueDate = "2020-01-01T00:00:00Z", applicant = "Bo" })).Str("id");
        var soon = (await tenant.StartAsync("review-a", new { dueDate = "2099-01-01T00:00:00Z" })).Str("id");
        using var caseworker = tenant.Caseworker();

        var overdue = (await caseworker.GetFromJsonAsync<JsonObject>("tasks?overdue=true", Ct))!["items"]!.AsArray();
        var task = Assert.Single(overdue)!;
        Assert.Equal((late, true, "School transport"), (task.Str("instanceId"), task["overdue"]!.GetValue<bool>(), task.Str("processName")));
        var before = (await caseworker.GetFromJsonAsync<JsonObject>("tasks?dueBefore=2050-01-01T00:00:00Z", Ct))!["items"]!.AsArray();
        Assert.Equal([late], before.Select(t => t.Str("instanceId")));
        Assert.Equal(2, (await caseworker.GetFromJsonAsync<JsonObject>("tasks", Ct))!["items"]!.AsArray().Count);

        var detail = (await caseworker.GetFromJsonAsync<JsonObject>($"tasks/{task.Long("id")}", Ct))!;
        Assert.Equal(("review-form", late), (detail["task"].Str("formId"), detail["task"].Str("instanceId")));
        Assert.Equal("Bo", detail["variables"].Str("applicant"));
        Assert.Equal(HttpStatusCode.NotFound, (await new TestTenant(App).Caseworker().GetAsync($"tasks/{task.Long("id")}", Ct)).StatusCode);
        Assert.NotEqual(soon, late);
    }

    [Fact]
    public async Task TeamLeadTask_IsWorkedByTheTenantAdmin_NeitherSeenByACaseworkerNorOpenToADesigner()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(PilotModels.NotifyThenReview("review-lead", "x", "someone@example.org", candidateGroups: "tenant-admin"));
        var id = (await tenant.StartAsync("review-lead", new { dueDate = "2099-01-01T00:00:00Z" })).Str("id");
        using var teamLead = tenant.Admin();
        using var caseworker = tenant.Caseworker();
        using var designer = tenant.Designer();

        var task = (await teamLead.GetFromJsonAsync<JsonObject>("tasks", Ct))!["items"]!.AsArray().Single(t => t.Str("instanceId") == id)!;
        Assert.Equal(HttpStatusCode.OK, (await teamLead.PostAsync($"tasks/{task.Long("id")}/claim", null, Ct)).StatusCode);

        Assert.Empty((await caseworker.GetFromJsonAsync<JsonObject>("tasks", Ct))!["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await designer.GetAsync("tasks", Ct)).StatusCode);
    }

    [Fact]
    public async Task Complete_ValidatesAgainstTheTaskForm_ForwardingTheCallersToken()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(PilotModels.NotifyThenReview("review-b", "x", "someone@example.org"));
        App.Forms.Forms["review-form"] = data => data["decision"] is null
            ? new() { ["decision"] = ["Choose a decision"] }
            : new();
        var id = (await tenant.StartAsync("review-b", new { dueDate = "2099-01-01T00:00:00Z" })).Str("id");
        using var caseworker = tenant.Caseworker();
        var task = (await caseworker.GetFromJsonAsync<JsonObject>("tasks", Ct))!["items"]!.AsArray().Single(t => t.Str("instanceId") == id)!;

        var invalid = await caseworker.PostAsJsonAsync($"tasks/{task.Long("id")}/complete", new { variables = new { note = "?" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("Choose a decision", (await Json.ObjectAsync(invalid))["errors"]!["decision"]![0]!.GetValue<string>());
        Assert.StartsWith("Bearer ", App.Forms.Authorizations.Last());
        Assert.Equal("active", (await tenant.InstanceAsync(id)).Str("status"));

        var valid = await caseworker.PostAsJsonAsync($"tasks/{task.Long("id")}/complete", new { variables = new { decision = "approved" } }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, valid.StatusCode);
        var instance = await tenant.InstanceAsync(id);
        Assert.Equal(("completed", "approved"), (instance.Str("status"), instance["variables"].Str("caseStatus")));
    }

    [Fact]
    public async Task ProcessViews_GiveTheXmlAndCountsPerElement()
    {
        var tenant = new TestTenant(App);
        var xml = Models.JobThenTask("permit", "check");
        var key = (await tenant.DeployAsync(xml)).Long("key");
        for (var i = 0; i < 3; i++) await tenant.StartAsync("permit");
        using var worker = tenant.Worker();
        var job = (await tenant.ActivateAsync("check", maxJobs: 1)).Single()!;
        await worker.PostAsJsonAsync($"jobs/{job.Long("key")}/complete", new { }, Ct);
        using var caseworker = tenant.Caseworker();

        var text = await caseworker.GetStringAsync($"processes/{key}/xml", Ct);
        Assert.Contains("id=\"permit\"", text);
        var stats = (await caseworker.GetFromJsonAsync<JsonArray>($"processes/{key}/statistics", Ct))!.ToDictionary(s => s.Str("elementId"));
        Assert.Equal((2, 1), (stats["check"]!["active"]!.GetValue<int>(), stats["check"]!["completed"]!.GetValue<int>()));
        Assert.Equal(1, stats["decide"]!["active"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await new TestTenant(App).Caseworker().GetAsync($"processes/{key}/xml", Ct)).StatusCode);
    }
}
