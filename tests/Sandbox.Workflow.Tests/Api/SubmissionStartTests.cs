using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Sandbox.Workflow.EServices;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

public sealed class SubmissionStartTests(SqliteWorkflowFixture fixture) : IClassFixture<SqliteWorkflowFixture>
{
    private WorkflowApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submission_StartsTheEServiceProcessOnce_WithMetadataAndVariables()
    {
        var (tenant, submission) = await PublishedAsync();
        using var sidecar = App.Sidecar();
        Assert.Equal("SUCCESS", (await DeliverAsync(sidecar, submission))["status"]!.GetValue<string>());
        Assert.Equal("SUCCESS", (await DeliverAsync(sidecar, submission))["status"]!.GetValue<string>());

        using var citizen = tenant.Citizen("citizen-1");
        var cases = (await citizen.GetFromJsonAsync<JsonArray>("cases/mine", Ct))!;
        var mine = Assert.Single(cases)!;
        Assert.Equal((submission.Str("submissionId"), "SKS-2026-000001", "school-transport", "active"),
            (mine.Str("submissionId"), mine.Str("reference"), mine.Str("eserviceId"), mine.Str("state")));
        Assert.Equal("School transport", mine["names"].Str("en"));

        var instance = await tenant.InstanceAsync(mine.Str("instanceId"));
        var variables = instance["variables"]!;
        Assert.Equal("Anna", variables.Str("guardianName"));
        Assert.Equal(4, variables["distanceLimitKm"]!.GetValue<int>());
        Assert.Equal("SKS-2026-000001", variables["submission"].Str("reference"));
        Assert.Equal("a1", variables["submission"]!["attachments"]![0].Str("id"));
        // The notify task went to the citizen, the case's subject.
        var note = Assert.Single(await App.Events.WaitForAsync("notification-requested", e => e.Str("processInstanceId") == mine.Str("instanceId")));
        Assert.Equal(("citizen-1", "SKS-2026-000001"), (note.Payload["recipient"].Str("subject"), note.Payload.Str("reference")));
    }

    [Fact]
    public async Task Sidecar_FindsTheSubscriptionWithItsDeadLetterTopic()
    {
        using var sidecar = App.Sidecar();
        var subscriptions = (await sidecar.GetFromJsonAsync<JsonArray>("dapr/subscribe", Ct))!;
        var subscription = Assert.Single(subscriptions, s => s.Str("topic") == "submission-received")!;
        Assert.Equal(("pubsub", "submission-received-dead"), (subscription.Str("pubsubname"), subscription.Str("deadLetterTopic")));
        Assert.Contains("api/workflow/events/submission-received", subscription.ToJsonString());
    }

    [Fact]
    public async Task Delivery_WithoutTheAppToken_IsRefused()
    {
        var (_, submission) = await PublishedAsync();
        using var stranger = new HttpClient { BaseAddress = new Uri(App.BaseAddress, "/") };
        var response = await stranger.PostAsync("api/workflow/events/submission-received", CloudEvent(submission), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Submission_OfAFormNoEServiceStarts_IsAcknowledgedAndStartsNothing()
    {
        var tenant = new TestTenant(App);
        var submission = Submission(tenant.Id, "unlinked-form");
        using var sidecar = App.Sidecar();
        Assert.Equal("SUCCESS", (await DeliverAsync(sidecar, submission))["status"]!.GetValue<string>());
        using var citizen = tenant.Citizen("citizen-1");
        Assert.Empty((await citizen.GetFromJsonAsync<JsonArray>("cases/mine", Ct))!);
    }

    [Fact]
    public async Task Case_IsShownToItsCitizenWithNamedSteps_ToStaffWithVariables_AndToNobodyElse()
    {
        var (tenant, submission) = await PublishedAsync();
        using var sidecar = App.Sidecar();
        await DeliverAsync(sidecar, submission);
        using var citizen = tenant.Citizen("citizen-1");
        var id = (await citizen.GetFromJsonAsync<JsonArray>("cases/mine", Ct))!.Single().Str("instanceId");

        var own = (await citizen.GetFromJsonAsync<JsonObject>($"cases/{id}", Ct))!;
        Assert.Equal(["start", "tell", "review"], own["history"]!.AsArray().Select(h => h.Str("elementId")));
        Assert.Equal("Confirm receipt", own["history"]![1].Str("name"));
        Assert.Null(own["variables"]);

        using var other = tenant.Citizen("citizen-2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"cases/{id}", Ct)).StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<JsonArray>("cases/mine", Ct))!);
        using var caseworker = tenant.Caseworker();
        Assert.Equal("Anna", (await caseworker.GetFromJsonAsync<JsonObject>($"cases/{id}", Ct))!["variables"].Str("guardianName"));
        using var foreign = new TestTenant(App).Caseworker();
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"cases/{id}", Ct)).StatusCode);
    }

    private async Task<(TestTenant Tenant, JsonObject Submission)> PublishedAsync()
    {
        var tenant = new TestTenant(App);
        var process = await tenant.DeployAsync(PilotModels.NotifyThenReview("school-transport", "application-received"));
        App.Catalog.Starts[(tenant.Id, "school-transport-application")] = new EServiceStart("school-transport", 1, "school-transport",
            process["version"]!.GetValue<int>(), new JsonObject { ["distanceLimitKm"] = 4, ["dueDate"] = "2030-01-01T00:00:00Z" });
        return (tenant, Submission(tenant.Id, "school-transport-application"));
    }

    private static JsonObject Submission(string tenant, string formId) => new()
    {
        ["submissionId"] = Guid.NewGuid().ToString(), ["reference"] = "SKS-2026-000001", ["tenantId"] = tenant, ["formId"] = formId,
        ["formVersion"] = 1, ["subject"] = "citizen-1", ["submittedAt"] = "2026-12-01T10:00:00Z",
        ["data"] = new JsonObject { ["guardianName"] = "Anna", ["distanceLimitKm"] = 99 },
        ["attachments"] = new JsonArray(new JsonObject { ["id"] = "a1", ["fileName"] = "map.pdf", ["contentType"] = "application/pdf", ["size"] = 10 }),
    };

    // As the sidecar delivers: a CloudEvent whose data is the event.
    private static StringContent CloudEvent(JsonObject data) => new(new JsonObject
    {
        ["specversion"] = "1.0", ["id"] = Guid.NewGuid().ToString(), ["source"] = "forms", ["type"] = "com.dapr.event.sent",
        ["datacontenttype"] = "application/json", ["pubsubname"] = "pubsub", ["topic"] = "submission-received", ["data"] = data.DeepClone(),
    }.ToJsonString(), Encoding.UTF8, "application/cloudevents+json");

    private static async Task<JsonObject> DeliverAsync(HttpClient sidecar, JsonObject submission)
    {
        var response = await sidecar.PostAsync("api/workflow/events/submission-received", CloudEvent(submission), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
