using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

public sealed class OutboxEventTests(SqliteWorkflowFixture fixture) : IClassFixture<SqliteWorkflowFixture>
{
    private WorkflowApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Steps_PublishTaskAndCaseEventsWithTheTaskId()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.JobThenTask("permit", "check"));
        var id = (await tenant.StartAsync("permit", new { caseStatus = "received" })).Str("id");
        var started = Assert.Single(await App.Events.WaitForAsync("case-status-changed", e => e.Str("processInstanceId") == id));
        Assert.Equal(("active", "received", tenant.Id), (started.Payload.Str("state"), started.Payload.Str("caseStatus"), started.Payload.Str("tenantId")));

        using var worker = tenant.Worker();
        var job = (await tenant.ActivateAsync("check")).Single()!;
        await worker.PostAsJsonAsync($"jobs/{job.Long("key")}/complete", new { }, Ct);
        var created = Assert.Single(await App.Events.WaitForAsync("task-created", e => e.Str("processInstanceId") == id)).Payload;
        using var caseworker = tenant.Caseworker();
        var task = (await caseworker.GetFromJsonAsync<JsonObject>("tasks", Ct))!["items"]!.AsArray().Single(t => t.Str("instanceId") == id)!;
        Assert.Equal(task.Long("id"), created.Long("taskId"));
        Assert.Equal(("decide", "Decide", "permit"), (created.Str("elementId"), created.Str("name"), created.Str("bpmnProcessId")));

        var done = await caseworker.PostAsJsonAsync($"tasks/{task.Long("id")}/complete", new { variables = new { caseStatus = "approved" } }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        var completed = Assert.Single(await App.Events.WaitForAsync("task-completed", e => e.Str("processInstanceId") == id)).Payload;
        Assert.Equal(task.Long("id"), completed.Long("taskId"));
        var ended = await App.Events.WaitForAsync("case-status-changed", e => e.Str("processInstanceId") == id && e.Str("state") == "completed");
        Assert.Equal("approved", Assert.Single(ended).Payload.Str("caseStatus"));
        // A step that changes neither the state nor caseStatus (the job) publishes no case event.
        Assert.Equal(2, App.Events.Published.Count(e => e.Topic == "case-status-changed" && e.Payload.Str("processInstanceId") == id));
    }

    [Fact]
    public async Task RefusedEvent_DoesNotHoldUpOthers_AndIsSentLater()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.JobThenTask("permit", "check"));
        var blocked = "blocked-" + Guid.NewGuid().ToString("n")[..6];
        var refusing = true;
        App.Events.Refuse = (_, payload) => refusing && payload["caseStatus"]?.GetValue<string>() == blocked;
        var first = (await tenant.StartAsync("permit", new { caseStatus = blocked })).Str("id");
        var second = (await tenant.StartAsync("permit", new { caseStatus = "received" })).Str("id");

        Assert.Single(await App.Events.WaitForAsync("case-status-changed", e => e.Str("processInstanceId") == second));
        Assert.DoesNotContain(App.Events.Published, e => e.Payload["processInstanceId"]?.GetValue<string>() == first);
        refusing = false;
        Assert.Single(await App.Events.WaitForAsync("case-status-changed", e => e.Str("processInstanceId") == first));
    }

    [Fact]
    public async Task RefusedEvent_HoldsBackTheLaterEventsOfItsInstanceOnly_ThenAllGoInStepOrder()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.JobThenTask("ordered", "order-check"));
        var blocked = "held-" + Guid.NewGuid().ToString("n")[..6];
        var refusing = true;
        App.Events.Refuse = (_, payload) => refusing && payload["caseStatus"]?.GetValue<string>() == blocked;
        var held = (await tenant.StartAsync("ordered", new { caseStatus = blocked })).Str("id");
        var free = (await tenant.StartAsync("ordered", new { caseStatus = "received" })).Str("id");

        // Both jobs done: each instance's next step writes its task-created event.
        using var worker = tenant.Worker();
        foreach (var job in await tenant.ActivateAsync("order-check"))
        {
            (await worker.PostAsJsonAsync($"jobs/{job.Long("key")}/complete", new { }, Ct)).EnsureSuccessStatusCode();
        }
        Assert.Single(await App.Events.WaitForAsync("task-created", e => e.Str("processInstanceId") == free));
        Assert.DoesNotContain(App.Events.Published, e => e.Payload["processInstanceId"]?.GetValue<string>() == held);

        refusing = false;
        // The refused event comes back after its back-off (2 s, then 4 s, 8 s if refused again meanwhile).
        var sent = new List<PublishedEvent>();
        for (var wait = 0; wait < 4 && sent.Count == 0; wait++) sent = await App.Events.WaitForAsync("task-created", e => e.Str("processInstanceId") == held);
        Assert.Single(sent);
        foreach (var id in new[] { held, free })
        {
            var events = App.Events.Published.Where(e => e.Payload["processInstanceId"]?.GetValue<string>() == id).OrderBy(e => e.Order).ToList();
            Assert.Equal(["case-status-changed", "task-created"], events.Select(e => e.Topic));
            Assert.Equal([1L, 2L], events.Select(e => e.Payload.Long("sequence")));
        }
    }

    [Fact]
    public async Task EventsOfOneInstance_CarryIncreasingSequenceNumbers_AcrossSteps()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.JobThenTask("numbered", "number-check"));
        var id = (await tenant.StartAsync("numbered", new { caseStatus = "received" })).Str("id");
        using var worker = tenant.Worker();
        var job = (await tenant.ActivateAsync("number-check")).Single()!;
        (await worker.PostAsJsonAsync($"jobs/{job.Long("key")}/complete", new { }, Ct)).EnsureSuccessStatusCode();
        var created = Assert.Single(await App.Events.WaitForAsync("task-created", e => e.Str("processInstanceId") == id)).Payload;
        using var caseworker = tenant.Caseworker();
        (await caseworker.PostAsJsonAsync($"tasks/{created.Long("taskId")}/complete", new { variables = new { caseStatus = "approved" } }, Ct))
            .EnsureSuccessStatusCode();
        await App.Events.WaitForAsync("case-status-changed", e => e.Str("processInstanceId") == id && e.Str("state") == "completed");

        var events = App.Events.Published.Where(e => e.Payload["processInstanceId"]?.GetValue<string>() == id).OrderBy(e => e.Order).ToList();
        Assert.Equal(["case-status-changed", "task-created", "task-completed", "case-status-changed"], events.Select(e => e.Topic));
        Assert.Equal([1L, 2L, 3L, 4L], events.Select(e => e.Payload.Long("sequence")));
        Assert.Equal(["active", "completed"], events.Where(e => e.Topic == "case-status-changed").Select(e => e.Payload.Str("state")));
    }

    [Fact]
    public async Task NotifyTask_RequestsOneNotificationPerTemplate_AndIsNeverOfferedToWorkers()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(PilotModels.NotifyThenReview("notify-a", "received, copy-to-guardian", "=guardianEmail"));
        var id = (await tenant.StartAsync("notify-a", new { guardianEmail = "anna@example.org", language = "nb", dueDate = "2030-01-01T00:00:00Z" })).Str("id");

        var requested = await App.Events.WaitForAsync("notification-requested", e => e.Str("processInstanceId") == id, count: 2);
        Assert.Equal(["copy-to-guardian", "received"], requested.Select(e => e.Payload.Str("template")).Order());
        foreach (var e in requested.Select(r => r.Payload))
        {
            Assert.StartsWith($"{id}:", e.Str("notificationId"));
            Assert.EndsWith(":" + e.Str("template"), e.Str("notificationId"));
            Assert.Equal("anna@example.org", e["recipient"].Str("email"));
            Assert.Equal("nb", e.Str("language"));
            Assert.Equal("anna@example.org", e["data"].Str("guardianEmail"));
            Assert.Equal(tenant.Id, e.Str("tenantId"));
        }
        Assert.Equal(["review"], (await tenant.InstanceAsync(id))["activeElementIds"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Empty(await tenant.ActivateAsync("notify"));
    }

    [Fact]
    public async Task NotifyTask_WithNoRecipientAndNoCitizen_RaisesAnIncident()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(PilotModels.NotifyThenReview("notify-b", "received"));
        var instance = await tenant.InstanceAsync((await tenant.StartAsync("notify-b", new { dueDate = "2030-01-01T00:00:00Z" })).Str("id"));
        Assert.Equal("incident", instance.Str("status"));
        Assert.Contains("recipient", instance["incidents"]![0].Str("message"));
        Assert.DoesNotContain(App.Events.Published, e => e.Topic == "notification-requested" && e.Payload.Str("processInstanceId") == instance.Str("id"));
    }
}
