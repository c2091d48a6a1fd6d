using System.Text.Json.Nodes;
using Sandbox.Workflow.EServices;
using Sandbox.Workflow.Runtime;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

public sealed class PushJobTests(SqliteWorkflowFixture fixture) : IClassFixture<SqliteWorkflowFixture>
{
    private WorkflowApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MappedJob_IsPushedToItsApp_AndItsVariablesCompleteIt()
    {
        var (tenant, type) = await MappedAsync();
        App.PushedJobs.Answer = job => job.Type == type ? new JobAnswer.Completed(new JsonObject { ["distanceKm"] = 7 }) : new JobAnswer.Failed("other");
        var id = (await tenant.StartAsync("checked", new { address = "Storgatan 1" })).Str("id");

        var instance = await WaitAsync(tenant, id, i => i.Str("status") == "completed");
        Assert.Equal(7, instance["variables"]!["distanceKm"]!.GetValue<int>());
        Assert.Contains(instance["history"]!.AsArray(), h => h.Str("elementId") == "accepted");
        var call = Assert.Single(App.PushedJobs.Calls, c => c.Job.ProcessInstanceId == id);
        Assert.Equal(("distance-check", "jobs/distance-check"), (call.AppId, call.Method));
        Assert.Equal(("checked", "check", tenant.Id, 3), (call.Job.BpmnProcessId, call.Job.ElementId, call.Job.TenantId, call.Job.Retries));
        Assert.Equal("Storgatan 1", call.Job.Variables["address"]!.GetValue<string>());
        Assert.Equal("4", call.Job.CustomHeaders["limit"]!.GetValue<string>());
        Assert.Empty(await tenant.ActivateAsync(type));
    }

    [Fact]
    public async Task Answer422_ThrowsTheBpmnError()
    {
        var (tenant, type) = await MappedAsync();
        App.PushedJobs.Answer = job => job.Type == type ? new JobAnswer.BpmnError("rejected", "too close") : new JobAnswer.Failed("other");
        var id = (await tenant.StartAsync("checked")).Str("id");
        var instance = await WaitAsync(tenant, id, i => i.Str("status") == "completed");
        Assert.Contains(instance["history"]!.AsArray(), h => h.Str("elementId") == "refused");
    }

    [Fact]
    public async Task FailingApp_IsRetriedUntilRetriesRunOut_ThenAnIncident()
    {
        var (tenant, type) = await MappedAsync();
        App.PushedJobs.Answer = _ => new JobAnswer.Failed("The app answered 503");
        var id = (await tenant.StartAsync("checked")).Str("id");
        var instance = await WaitAsync(tenant, id, i => i.Str("status") == "incident");
        Assert.Equal(3, App.PushedJobs.Calls.Count(c => c.Job.ProcessInstanceId == id));
        Assert.Contains("503", instance["incidents"]![0].Str("message"));
    }

    private async Task<(TestTenant, string)> MappedAsync()
    {
        var tenant = new TestTenant(App);
        var type = "distance-check-" + Guid.NewGuid().ToString("n")[..6];
        App.Catalog.Routes[(tenant.Id, type)] = new JobRoute("distance-check", "jobs/distance-check");
        await tenant.DeployAsync(PilotModels.JobWithErrorBoundary("checked", type));
        return (tenant, type);
    }

    private static async Task<JsonObject> WaitAsync(TestTenant tenant, string id, Func<JsonObject, bool> done)
    {
        var instance = await tenant.InstanceAsync(id);
        for (var attempt = 0; attempt < 400 && !done(instance); attempt++)
        {
            await Task.Delay(25, Ct);
            instance = await tenant.InstanceAsync(id);
        }
        return instance;
    }
}
