using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

public sealed class TraceTests(SqliteWorkflowFixture fixture) : IClassFixture<SqliteWorkflowFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TimerStepAndPublishedEvents_ContinueTheTraceOfTheRequestThatStartedTheInstance()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Sandbox.Workflow" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var tenant = new TestTenant(fixture.App);
        await tenant.DeployAsync(PilotModels.TimerThenEnd("traced", "PT0.1S"));
        using var caseworker = tenant.Caseworker();
        // The caller's own span: the client sends its context as traceparent.
        var caller = new Activity("caller").SetIdFormat(ActivityIdFormat.W3C).Start();
        var trace = caller.TraceId;
        var response = await caseworker.PostAsJsonAsync("processes/traced/instances", new { }, Ct);
        caller.Stop();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await Json.ObjectAsync(response)).Str("id");
        await fixture.App.Events.WaitForAsync("case-status-changed", e => e.Str("processInstanceId") == id && e.Str("state") == "completed");
        for (var attempt = 0; attempt < 200 && spans.Count(s => s.OperationName == "publish case-status-changed" && s.TraceId == trace) < 2; attempt++)
        {
            await Task.Delay(25, Ct);
        }

        var fired = Assert.Single(spans, s => s.OperationName == "workflow FireTimer" && (string?)s.GetTagItem("sandbox.workflow.instance") == id);
        Assert.Equal(trace, fired.TraceId);
        Assert.Equal(trace, Assert.Single(spans, s => s.OperationName == "workflow start" && (string?)s.GetTagItem("sandbox.workflow.instance") == id).TraceId);
        Assert.Equal(2, spans.Count(s => s.OperationName == "publish case-status-changed" && s.TraceId == trace));
    }

    [Fact]
    public async Task CalledInstance_ContinuesTheTraceOfItsParent_AndTheParentsNextStepContinuesTheChilds()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Sandbox.Workflow",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var tenant = new TestTenant(fixture.App);
        await tenant.DeployAsync(CallModels.Immediate("quick-check"));
        await tenant.DeployAsync(CallModels.Caller("traced-caller", "quick-check"));
        using var caseworker = tenant.Caseworker();
        var caller = new Activity("caller").SetIdFormat(ActivityIdFormat.W3C).Start();
        var trace = caller.TraceId;
        var response = await caseworker.PostAsJsonAsync("processes/traced-caller/instances", new { }, Ct);
        caller.Stop();
        var id = (await Json.ObjectAsync(response)).Str("id");
        for (var attempt = 0; attempt < 200 && (await tenant.InstanceAsync(id)).Str("status") != "completed"; attempt++) await Task.Delay(25, Ct);
        var childId = (await tenant.InstanceAsync(id))["calledInstances"]![0].Str("id");

        var childStart = Assert.Single(spans, s => s.OperationName == "workflow start" && (string?)s.GetTagItem("sandbox.workflow.instance") == childId);
        Assert.Equal(trace, childStart.TraceId);
        Assert.Equal(id, (string?)childStart.GetTagItem("sandbox.workflow.parent_instance"));
        var resumed = Assert.Single(spans, s => s.OperationName == "workflow CompleteCallActivity" && (string?)s.GetTagItem("sandbox.workflow.instance") == id);
        Assert.Equal(trace, resumed.TraceId);
        Assert.Equal(childStart.SpanId, resumed.ParentSpanId);
    }
}
