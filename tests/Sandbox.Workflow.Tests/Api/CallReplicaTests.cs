using Microsoft.EntityFrameworkCore;
using Sandbox.Testing;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

/// <summary>Two service hosts on one PostgreSQL database hand each called instance's result to its parent exactly once.</summary>
public sealed class CallReplicaTests
{
    private const int Parents = 40;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoReplicas_ApplyEachCallResultExactlyOnce()
    {
        Prerequisite.Require(PostgresServer.MissingReason());
        await using var server = await PostgresServer.StartAsync();
        var database = server.ConnectionString("workflow_" + Guid.NewGuid().ToString("n")[..8]);
        await using var first = WorkflowApp.Start(database);
        await using var second = WorkflowApp.Start(database);
        var viaFirst = new TestTenant(first);
        var viaSecond = new TestTenant(second, viaFirst.Id);
        await viaFirst.DeployAsync(CallModels.Immediate("quick-check"));
        await viaFirst.DeployAsync(CallModels.Caller("checked-apply", "quick-check"));
        var ids = new List<string>();
        // Each child completes in the step that starts it; either replica's poller may take its result.
        for (var i = 0; i < Parents; i++) ids.Add((await (i % 2 == 0 ? viaFirst : viaSecond).StartAsync("checked-apply")).Str("id"));

        for (var attempt = 0; attempt < 400; attempt++)
        {
            var open = await first.ReadAsync(db => db.Instances.CountAsync(i => ids.Contains(i.Id) && i.Status != "completed", Ct));
            if (open == 0) break;
            await Task.Delay(50, Ct);
        }

        var results = await first.ReadAsync(db => db.CallResults.Where(c => ids.Contains(c.ParentInstanceId)).ToListAsync(Ct));
        Assert.Equal(Parents, results.Count);
        Assert.All(results, r => Assert.Equal(WorkState.Completed, r.State));
        var calls = await first.ReadAsync(db => db.History.Where(h => ids.Contains(h.InstanceId) && h.ElementId == "call" && h.Event == "left")
            .GroupBy(h => h.InstanceId).Select(g => g.Count()).ToListAsync(Ct));
        Assert.Equal(Parents, calls.Count);
        Assert.All(calls, count => Assert.Equal(1, count));
        foreach (var id in ids.Take(3)) Assert.True((await viaSecond.InstanceAsync(id))["variables"]!["checked"]!.GetValue<bool>());
    }
}
