using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Sandbox.Workflow.EServices;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

/// <summary>The inbox sorted by the service: paging through it in any order gives every task once, in that order.</summary>
public sealed class TaskSortTests(SqliteWorkflowFixture fixture) : IClassFixture<SqliteWorkflowFixture>
{
    private const int TaskCount = 120;
    private WorkflowApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Row(long Id, DateTimeOffset? Due, DateTimeOffset Created, string? Reference, string InstanceId);

    [Fact]
    public async Task Paging_InEverySortOrder_GivesEveryTaskOnce_InThatOrder()
    {
        var (tenant, sent) = await InboxAsync();
        using var caseworker = tenant.Caseworker();

        foreach (var sort in new[] { "due", "created", "reference" })
        {
            foreach (var order in new[] { "asc", "desc" })
            {
                var shown = new List<Row>();
                for (var page = 1; page <= 3; page++)
                {
                    var body = (await caseworker.GetFromJsonAsync<JsonObject>($"tasks?sort={sort}&order={order}&page={page}&pageSize=50", Ct))!;
                    Assert.Equal(TaskCount, body["total"]!.GetValue<int>());
                    shown.AddRange(body["items"]!.AsArray().Select(Read));
                }

                Assert.Equal(TaskCount, shown.Select(t => t.Id).Distinct().Count());
                Assert.Equal(sent.Keys.Order(), shown.Select(t => t.InstanceId).Order());
                Assert.All(shown, t => Assert.Equal(sent[t.InstanceId], (t.Due, t.Reference)));
                Assert.Equal(Expected(shown, sort, order == "desc").Select(t => t.Id), shown.Select(t => t.Id));
            }
        }
        var sortedByDefault = (await caseworker.GetFromJsonAsync<JsonObject>("tasks?pageSize=200", Ct))!["items"]!.AsArray().Select(Read).ToList();
        Assert.Equal(Expected(sortedByDefault, "due", false).Select(t => t.Id), sortedByDefault.Select(t => t.Id));
    }

    [Theory]
    [InlineData("sort=name", "sort")]
    [InlineData("sort=due&order=up", "order")]
    [InlineData("sort=", null)]
    public async Task List_WithAnUnknownSort_Returns400ProblemDetails(string query, string? field)
    {
        using var caseworker = new TestTenant(App).Caseworker();

        var response = await caseworker.GetAsync("tasks?" + query, Ct);

        if (field is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return;
        }
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await Json.ObjectAsync(response))["errors"]![field]);
    }

    // The documented order, written independently of the service: missing keys last, ties by id in the same direction.
    private static IEnumerable<Row> Expected(List<Row> rows, string sort, bool descending) => sort switch
    {
        "due" => descending
            ? rows.OrderBy(t => t.Due is null).ThenByDescending(t => t.Due).ThenByDescending(t => t.Id)
            : rows.OrderBy(t => t.Due is null).ThenBy(t => t.Due).ThenBy(t => t.Id),
        "created" => descending
            ? rows.OrderByDescending(t => t.Created).ThenByDescending(t => t.Id)
            : rows.OrderBy(t => t.Created).ThenBy(t => t.Id),
        _ => descending
            ? rows.OrderBy(t => t.Reference is null).ThenByDescending(t => t.Reference, StringComparer.Ordinal).ThenByDescending(t => t.Id)
            : rows.OrderBy(t => t.Reference is null).ThenBy(t => t.Reference, StringComparer.Ordinal).ThenBy(t => t.Id),
    };

    private static Row Read(JsonNode? t) => new(t.Long("id"), t!["dueDate"]?.GetValue<DateTimeOffset>(),
        t["createdAt"]!.GetValue<DateTimeOffset>(), t["reference"]?.GetValue<string>(), t.Str("instanceId"));

    // 120 cases from submissions: due dates repeat (and every tenth task has none), references repeat (every fifth case has none).
    private async Task<(TestTenant Tenant, Dictionary<string, (DateTimeOffset?, string?)> Sent)> InboxAsync()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Review("sorted-due", "<zeebe:taskSchedule dueDate=\"=dueDate\" />"));
        await tenant.DeployAsync(Review("sorted-open", ""));
        App.Catalog.Starts[(tenant.Id, "due-form")] = new EServiceStart("sorted", 1, "sorted-due", 1, []);
        App.Catalog.Starts[(tenant.Id, "open-form")] = new EServiceStart("sorted", 1, "sorted-open", 1, []);
        var bySubmission = new Dictionary<string, (DateTimeOffset?, string?)>();
        using var sidecar = App.Sidecar();
        var start = new DateTimeOffset(2030, 1, 1, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < TaskCount; i++)
        {
            DateTimeOffset? due = i % 10 == 0 ? null : start.AddDays(i % 7);
            var reference = i % 5 == 0 ? null : $"REF-{i * 37 % 40:D3}";
            var submissionId = Guid.NewGuid().ToString();
            var response = await sidecar.PostAsync("api/workflow/events/submission-received",
                CloudEvent(tenant.Id, submissionId, due is null ? "open-form" : "due-form", reference, due), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bySubmission[submissionId] = (due, reference);
        }
        // The citizen's cases tell which instance each submission started.
        using var citizen = tenant.Citizen("citizen-1");
        var cases = (await citizen.GetFromJsonAsync<JsonArray>("cases/mine", Ct))!;
        Assert.Equal(TaskCount, cases.Count);
        return (tenant, cases.ToDictionary(c => c.Str("instanceId"), c => bySubmission[c.Str("submissionId")]));
    }

    private static StringContent CloudEvent(string tenant, string submissionId, string formId, string? reference, DateTimeOffset? due) => new(new JsonObject
    {
        ["specversion"] = "1.0", ["id"] = Guid.NewGuid().ToString(), ["source"] = "forms", ["type"] = "com.dapr.event.sent",
        ["datacontenttype"] = "application/json", ["pubsubname"] = "pubsub", ["topic"] = "submission-received",
        ["data"] = new JsonObject
        {
            ["submissionId"] = submissionId, ["reference"] = reference, ["tenantId"] = tenant, ["formId"] = formId,
            ["formVersion"] = 1, ["subject"] = "citizen-1", ["submittedAt"] = "2026-12-01T10:00:00Z",
            ["data"] = new JsonObject { ["dueDate"] = due?.ToString("O") },
        },
    }.ToJsonString(), Encoding.UTF8, "application/cloudevents+json");

    private static string Review(string processId, string schedule) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d1" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="{processId}" name="Sorted" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" name="Review">
              <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="caseworker" />{schedule}</bpmn:extensionElements>
              <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;
}
