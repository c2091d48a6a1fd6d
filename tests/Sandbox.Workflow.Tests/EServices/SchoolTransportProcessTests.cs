using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sandbox.Forms.Validation;
using Sandbox.Workflow.Events;
using Sandbox.Workflow.Runtime;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.EServices;

/// <summary>
/// The sample e-service runs every path to its end on the workflow service: the package is uploaded, a submission of
/// its start form arrives as the sidecar delivers it, the distance-check job is pushed to a stand-in of the plugin,
/// tasks are completed through the tasks API, and the notifications show up as outbox events.
/// </summary>
public sealed class SchoolTransportProcessTests : IClassFixture<SqliteEServicesFixture>
{
    private static readonly FormSchema ReviewForm = FormSchema.Parse(File.ReadAllText(Path.Combine(SamplePackage.Folder, "forms", "review.form")));

    // The distance the plugin stand-in answers, by the address of the application (each test uses its own address);
    // a negative one stands for an address the plugin cannot find (422 address-unknown).
    private static readonly ConcurrentDictionary<string, double> Distances = new();

    private readonly SqliteEServicesFixture fixture;

    public SchoolTransportProcessTests(SqliteEServicesFixture fixture)
    {
        this.fixture = fixture;
        // The forms service would validate task data against the published review form; the same validator runs here.
        App.Forms.Forms["school-transport-review"] = data => FormValidator.Validate(ReviewForm, data).Errors.ToDictionary();
        App.PushedJobs.Answer = job => Distances.GetValueOrDefault(job.Variables["address"]?.GetValue<string>() ?? "", 1.0) is var km && km < 0
            ? new JobAnswer.BpmnError("address-unknown", "The application names no home address")
            : new JobAnswer.Completed(new JsonObject { ["distanceKm"] = km });
    }

    private WorkflowApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Case(Tenant tenant, string id)
    {
        public Tenant Tenant { get; } = tenant;
        public string Id { get; } = id;
    }

    /// <summary>Publishes the sample in a fresh tenant and submits its start form; returns the case once it is confirmed.</summary>
    private async Task<Case> ApplyAsync(string reason, double distanceKm, Tenant? tenant = null, string language = "nb")
    {
        tenant ??= new Tenant(App);
        using var designer = tenant.Designer();
        Assert.True((await designer.PostAsync("eservices", SamplePackage.Json(), Ct)).IsSuccessStatusCode);
        var address = "Storgata " + Guid.NewGuid().ToString("n")[..8];
        Distances[address] = distanceKm;
        var submissionId = Guid.NewGuid().ToString("n");
        using var sidecar = App.Sidecar();

        var delivered = await sidecar.PostAsJsonAsync("/api/workflow/events/submission-received", new
        {
            submissionId, reference = "ST-" + submissionId[..6], tenantId = tenant.Id, formId = "school-transport-application",
            formVersion = 1, subject = "guardian-" + tenant.Id, submittedAt = DateTimeOffset.UtcNow, language,
            data = new { child = "child-1", school = "Nordre skole", address, reason, consent = true },
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        var started = (await App.Events.WaitForAsync(Topics.CaseStatusChanged, e => e.Str("submissionId") == submissionId)).First().Payload;
        Assert.Equal("school-transport", started.Str("eserviceId"));
        var @case = new Case(tenant, started.Str("processInstanceId"));
        Assert.Equal(["received-email", "received-inapp"], Sorted((await NotifiedAsync(@case, 2))[..2]));
        return @case;
    }

    private async Task<JsonArray> ActivateAsync(Case @case, string type)
    {
        using var worker = @case.Tenant.Worker();
        var response = await worker.PostAsJsonAsync("jobs/activate", new { type, worker = "tests", maxJobs = 10, timeout = 30_000 }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json.ObjectAsync(response))["jobs"]!.AsArray();
    }

    /// <summary>The templates of the notifications the instance requested so far, once there are <paramref name="count"/>, in order.</summary>
    private async Task<List<string>> NotifiedAsync(Case @case, int count)
    {
        var events = await App.Events.WaitForAsync(Topics.NotificationRequested, e => e.Str("processInstanceId") == @case.Id, count);
        Assert.DoesNotContain(await ActivateAsync(@case, "notify"), _ => true);
        return events.Select(e => e.Payload.Str("template")).ToList();
    }

    private static List<string> Sorted(IEnumerable<string> templates) => [.. templates.Order(StringComparer.Ordinal)];

    private async Task<JsonObject> InstanceAsync(Case @case)
    {
        using var caseworker = @case.Tenant.Caseworker();
        return (await caseworker.GetFromJsonAsync<JsonObject>($"instances/{@case.Id}", Ct))!;
    }

    private async Task AssertEndedAsync(Case @case, string endEvent, string caseStatus)
    {
        var instance = await InstanceAsync(@case);
        Assert.Equal("completed", instance.Str("status"));
        Assert.Equal(caseStatus, instance["variables"].Str("caseStatus"));
        Assert.Contains(instance["history"]!.AsArray(), h => h.Str("elementId") == endEvent);
    }

    /// <summary>The open task of the case at <paramref name="elementId"/>, once the client sees it.</summary>
    private static async Task<JsonNode> TaskAsync(HttpClient client, Case @case, string elementId)
    {
        for (var attempt = 0; ; attempt++)
        {
            var page = await client.GetFromJsonAsync<JsonObject>("tasks", Ct);
            var task = page!["items"]!.AsArray().SingleOrDefault(t => t.Str("instanceId") == @case.Id && t.Str("elementId") == elementId);
            if (task is not null || attempt == 200) return task ?? throw new Xunit.Sdk.XunitException($"No task {elementId} for {@case.Id}");
            await Task.Delay(50, Ct);
        }
    }

    [Fact]
    public async Task LongDistance_IsApprovedAutomatically()
    {
        var @case = await ApplyAsync("distance", distanceKm: 7.5);

        Assert.Equal(["approved-email", "approved-inapp"], Sorted((await NotifiedAsync(@case, 4))[2..]));
        await AssertEndedAsync(@case, "application-approved", "approved");
    }

    [Fact]
    public async Task ShortDistanceWithoutMedicalReason_IsRejectedWithAppealInformation()
    {
        var @case = await ApplyAsync("other", distanceKm: 1.2);

        Assert.Equal(["rejected-email", "rejected-inapp"], Sorted((await NotifiedAsync(@case, 4))[2..]));
        await AssertEndedAsync(@case, "application-rejected", "rejected");
    }

    [Theory]
    [InlineData("approved", "approved", "application-approved")]
    [InlineData("rejected", "rejected", "application-rejected")]
    [InlineData("more-information-needed", "more-information-needed", "more-information-requested")]
    public async Task MedicalReason_GoesToACaseworker_WhoseDecisionIsSent(string decision, string templates, string endEvent)
    {
        var @case = await ApplyAsync("medical", distanceKm: 1.2);
        using var caseworker = @case.Tenant.Caseworker();
        var task = await TaskAsync(caseworker, @case, "review");
        Assert.Equal("in-review", (await InstanceAsync(@case))["variables"].Str("caseStatus"));
        Assert.Equal("school-transport-review", task.Str("formId"));
        var due = DateTimeOffset.Parse(task.Str("dueDate"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(due, DateTimeOffset.UtcNow.AddDays(4.9), DateTimeOffset.UtcNow.AddDays(5.1));

        var invalid = await caseworker.PostAsJsonAsync($"tasks/{task.Long("id")}/complete", new { variables = new { decision = "maybe" } }, Ct);
        var completed = await caseworker.PostAsJsonAsync($"tasks/{task.Long("id")}/complete",
            new { variables = new { decision, comment = "Checked the certificate." } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        Assert.Equal([templates + "-email", templates + "-inapp"], Sorted((await NotifiedAsync(@case, 4))[2..]));
        await AssertEndedAsync(@case, endEvent, decision);
        Assert.Equal("Checked the certificate.", (await InstanceAsync(@case))["variables"].Str("reviewComment"));
    }

    [Fact]
    public async Task AddressThePluginCannotFind_GoesToACaseworker()
    {
        var @case = await ApplyAsync("distance", distanceKm: -1);
        using var caseworker = @case.Tenant.Caseworker();

        var task = await TaskAsync(caseworker, @case, "review");

        Assert.Equal("in-review", (await InstanceAsync(@case))["variables"].Str("caseStatus"));
        Assert.Contains((await InstanceAsync(@case))["history"]!.AsArray(), h => h.Str("elementId") == "address-unknown");
        var completed = await caseworker.PostAsJsonAsync($"tasks/{task.Long("id")}/complete", new { variables = new { decision = "rejected" } }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        await AssertEndedAsync(@case, "application-rejected", "rejected");
    }

    [Fact]
    public async Task ReviewNotDoneInFiveDays_EscalatesToATeamLead()
    {
        var @case = await ApplyAsync("medical", distanceKm: 0.8);
        using var designer = @case.Tenant.Designer();
        using var caseworker = @case.Tenant.Caseworker();
        using var lead = @case.Tenant.TeamLead();
        Assert.NotNull(await TaskAsync(caseworker, @case, "review"));

        try
        {
            Assert.Equal(HttpStatusCode.OK, (await designer.PostAsJsonAsync("sandbox/clock", new { advance = "P6D" }, Ct)).StatusCode);
            var status = "";
            for (var attempt = 0; attempt < 200 && status != "escalated"; attempt++)
            {
                await Task.Delay(50, Ct);
                status = (await InstanceAsync(@case))["variables"].Str("caseStatus");
            }
            Assert.Equal("escalated", status);
            Assert.Equal(["escalated-to-team-lead-email", "escalated-to-team-lead-inapp"], Sorted((await NotifiedAsync(@case, 4))[2..]));

            var page = await caseworker.GetFromJsonAsync<JsonObject>("tasks", Ct);
            Assert.DoesNotContain(page!["items"]!.AsArray(), t => t.Str("instanceId") == @case.Id);
            var task = await TaskAsync(lead, @case, "review-escalated");
            var completed = await lead.PostAsJsonAsync($"tasks/{task.Long("id")}/complete", new { variables = new { decision = "approved" } }, Ct);
            Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        }
        finally
        {
            await designer.PostAsJsonAsync("sandbox/clock", new { reset = true }, Ct);
        }
        Assert.Equal(["approved-email", "approved-inapp"], Sorted((await NotifiedAsync(@case, 6))[4..]));
        await AssertEndedAsync(@case, "application-approved", "approved");
    }

    [Fact]
    public async Task Submission_InUppsala_UsesItsOwnDistanceLimit_AndPushesTheDistanceCheckToThePlugin()
    {
        // Uppsala's limit is 2 km (the package's own is 4): 3 km is approved automatically only there.
        var @case = await ApplyAsync("distance", distanceKm: 3.0, new Tenant(App, "uppsala"), language: "sv");

        var notified = await App.Events.WaitForAsync(Topics.NotificationRequested, e => e.Str("processInstanceId") == @case.Id, 4);
        Assert.Contains(notified, e => e.Payload.Str("template") == "approved-email" && e.Payload.Str("language") == "sv");
        await AssertEndedAsync(@case, "application-approved", "approved");
        var pushed = App.PushedJobs.Calls.Single(c => c.Job.ProcessInstanceId == @case.Id);
        Assert.Equal(("distance-check", "jobs/distance-check", "distance-check"), (pushed.AppId, pushed.Method, pushed.Job.Type));
        Assert.Equal(2, pushed.Job.Variables["distanceLimitKm"]!.GetValue<long>());
    }
}
