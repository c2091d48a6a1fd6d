using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.EServices;

/// <summary>
/// The sample process runs every path to its end on the workflow service: the distance-check job is completed
/// through the jobs API as the plugin's answer would be, tasks through the tasks API.
/// </summary>
public sealed class SchoolTransportProcessTests(SqliteEServicesFixture fixture) : IClassFixture<SqliteEServicesFixture>
{
    private EServicesApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Case(Tenant tenant, string id)
    {
        public Tenant Tenant { get; } = tenant;
        public string Id { get; } = id;
    }

    private async Task<Case> ApplyAsync(string reason, double distanceKm)
    {
        var tenant = new Tenant(App);
        using var designer = tenant.Designer();
        var xml = File.ReadAllText(Path.Combine(SamplePackage.Folder, "process.bpmn"));
        Assert.Equal(HttpStatusCode.Created, (await designer.PostAsync("processes", TestTenant.Xml(xml), Ct)).StatusCode);
        using var caseworker = tenant.Caseworker();
        var variables = new { child = "child-1", school = "Nordre skole", address = "Storgata 1", reason, consent = true, distanceLimitKm = 4 };
        var started = await caseworker.PostAsJsonAsync("processes/school-transport/instances", new { variables }, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var @case = new Case(tenant, (await Json.ObjectAsync(started)).Str("id"));

        var templates = await CompleteNotifyJobsAsync(@case);
        Assert.Equal(["received-email,received-inapp"], templates);
        var job = Assert.Single(await ActivateAsync(@case, "distance-check"))!;
        Assert.Equal("Storgata 1", job["variables"].Str("address"));
        using var worker = tenant.Worker();
        var done = await worker.PostAsJsonAsync($"jobs/{job.Long("key")}/complete", new { variables = new { distanceKm } }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        return @case;
    }

    private async Task<JsonArray> ActivateAsync(Case @case, string type)
    {
        using var worker = @case.Tenant.Worker();
        var response = await worker.PostAsJsonAsync("jobs/activate", new { type, worker = "tests", maxJobs = 10, timeout = 30_000 }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json.ObjectAsync(response))["jobs"]!.AsArray();
    }

    // Notify jobs stay pull-mode until the workflow carries them out itself; then there is nothing to complete here.
    private async Task<List<string>> CompleteNotifyJobsAsync(Case @case)
    {
        var templates = new List<string>();
        using var worker = @case.Tenant.Worker();
        foreach (var job in await ActivateAsync(@case, "notify"))
        {
            templates.Add(job!["customHeaders"].Str("template"));
            Assert.Equal(HttpStatusCode.NoContent, (await worker.PostAsJsonAsync($"jobs/{job.Long("key")}/complete", new { }, Ct)).StatusCode);
        }
        return templates;
    }

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

    private static async Task<JsonNode> TaskAsync(HttpClient client, Case @case, string elementId)
    {
        var page = await client.GetFromJsonAsync<JsonObject>("tasks", Ct);
        return page!["items"]!.AsArray().Single(t => t.Str("instanceId") == @case.Id && t.Str("elementId") == elementId)!;
    }

    [Fact]
    public async Task LongDistance_IsApprovedAutomatically()
    {
        var @case = await ApplyAsync("distance", distanceKm: 7.5);

        Assert.Equal(["approved-email,approved-inapp"], await CompleteNotifyJobsAsync(@case));
        await AssertEndedAsync(@case, "application-approved", "approved");
    }

    [Fact]
    public async Task ShortDistanceWithoutMedicalReason_IsRejectedWithAppealInformation()
    {
        var @case = await ApplyAsync("other", distanceKm: 1.2);

        Assert.Equal(["rejected-email,rejected-inapp"], await CompleteNotifyJobsAsync(@case));
        await AssertEndedAsync(@case, "application-rejected", "rejected");
    }

    [Theory]
    [InlineData("approved", "approved-email,approved-inapp", "application-approved")]
    [InlineData("rejected", "rejected-email,rejected-inapp", "application-rejected")]
    [InlineData("more-information-needed", "more-information-needed-email,more-information-needed-inapp", "more-information-requested")]
    public async Task MedicalReason_GoesToACaseworker_WhoseDecisionIsSent(string decision, string templates, string endEvent)
    {
        var @case = await ApplyAsync("medical", distanceKm: 1.2);
        Assert.Equal("in-review", (await InstanceAsync(@case))["variables"].Str("caseStatus"));
        using var caseworker = @case.Tenant.Caseworker();
        var task = await TaskAsync(caseworker, @case, "review");
        Assert.Equal("school-transport-review", task.Str("formId"));
        var due = DateTimeOffset.Parse(task.Str("dueDate"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(due, DateTimeOffset.UtcNow.AddDays(4.9), DateTimeOffset.UtcNow.AddDays(5.1));

        var completed = await caseworker.PostAsJsonAsync($"tasks/{task.Long("id")}/complete",
            new { variables = new { decision, comment = "Checked the certificate." } }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        Assert.Equal([templates], await CompleteNotifyJobsAsync(@case));
        await AssertEndedAsync(@case, endEvent, decision);
        Assert.Equal("Checked the certificate.", (await InstanceAsync(@case))["variables"].Str("reviewComment"));
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
            Assert.Equal(["escalated-to-team-lead-email,escalated-to-team-lead-inapp"], await CompleteNotifyJobsAsync(@case));

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
        Assert.Equal(["approved-email,approved-inapp"], await CompleteNotifyJobsAsync(@case));
        await AssertEndedAsync(@case, "application-approved", "approved");
    }
}
