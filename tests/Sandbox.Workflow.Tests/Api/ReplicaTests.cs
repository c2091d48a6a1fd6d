using Microsoft.EntityFrameworkCore;
using Sandbox.Testing;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

/// <summary>Two service hosts on one PostgreSQL database: every timer fires once and every event is sent once.</summary>
public sealed class ReplicaTests
{
    private const int Instances = 60;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoReplicas_FireEachTimerAndSendEachEventExactlyOnce()
    {
        Prerequisite.Require(PostgresServer.MissingReason());
        await using var server = await PostgresServer.StartAsync();
        var database = server.ConnectionString("workflow_" + Guid.NewGuid().ToString("n")[..8]);
        await using var first = WorkflowApp.Start(database);
        await using var second = WorkflowApp.Start(database);
        var viaFirst = new TestTenant(first);
        var viaSecond = new TestTenant(second, viaFirst.Id);
        await viaFirst.DeployAsync(PilotModels.TimerThenEnd("tick", "PT1S"));
        var ids = new List<string>();
        for (var i = 0; i < Instances; i++) ids.Add((await (i % 2 == 0 ? viaFirst : viaSecond).StartAsync("tick")).Str("id"));

        for (var attempt = 0; attempt < 600; attempt++)
        {
            var open = await first.ReadAsync(db => db.Instances.CountAsync(i => ids.Contains(i.Id) && i.Status != "completed", Ct));
            var unsent = await first.ReadAsync(db => db.Outbox.CountAsync(o => o.PublishedAt == null, Ct));
            if (open == 0 && unsent == 0) break;
            await Task.Delay(50, Ct);
        }

        var fired = await first.ReadAsync(db => db.History.Where(h => ids.Contains(h.InstanceId) && h.ElementId == "wait" && h.Event == "left")
            .GroupBy(h => h.InstanceId).Select(g => g.Count()).ToListAsync(Ct));
        Assert.Equal(Instances, fired.Count);
        Assert.All(fired, count => Assert.Equal(1, count));
        Assert.Equal(Instances, await first.ReadAsync(db => db.Timers.CountAsync(t => ids.Contains(t.InstanceId) && t.State == WorkState.Completed, Ct)));

        var sent = first.Events.Published.Concat(second.Events.Published)
            .Where(e => e.Topic == "case-status-changed" && ids.Contains(e.Payload.Str("processInstanceId"))).ToList();
        Assert.Equal(2 * Instances, sent.Count);
        Assert.Equal(sent.Count, sent.Select(e => e.Payload.Str("eventId")).Distinct().Count());
        Assert.Equal(Instances, sent.Count(e => e.Payload.Str("state") == "completed"));
    }
}
