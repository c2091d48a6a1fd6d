using Microsoft.EntityFrameworkCore;
using Sandbox.Testing;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

/// <summary>
/// Two service hosts on one PostgreSQL database: every timer fires once, every event is sent once, and each
/// instance's events go out in the order its steps made them.
/// </summary>
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
    [Fact]
    public async Task TwoReplicas_PublishEachInstancesEventsInStepOrder_WhileOneEventIsRefusedOnce()
    {
        Prerequisite.Require(PostgresServer.MissingReason());
        await using var server = await PostgresServer.StartAsync();
        var database = server.ConnectionString("workflow_" + Guid.NewGuid().ToString("n")[..8]);
        await using var first = WorkflowApp.Start(database);
        await using var second = WorkflowApp.Start(database);
        // Each instance's second event is refused once, by whichever replica sends it first: the rest of that
        // instance waits for its retry, whichever replica then takes it.
        var refused = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        Func<string, System.Text.Json.Nodes.JsonObject, bool> refuse = (_, payload) =>
            payload["sequence"]?.GetValue<long>() == 2 && refused.TryAdd(payload.Str("processInstanceId"), true);
        (first.Events.Refuse, second.Events.Refuse) = (refuse, refuse);
        var viaFirst = new TestTenant(first);
        var viaSecond = new TestTenant(second, viaFirst.Id);
        await viaFirst.DeployAsync(PilotModels.NotifyThenReview("ordered", "a, b, c", "=email"));
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await (i % 2 == 0 ? viaFirst : viaSecond).StartAsync("ordered", new { email = "case@example.org", dueDate = "2030-01-01T00:00:00Z" })).Str("id"));
        }

        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (await first.ReadAsync(db => db.Outbox.CountAsync(o => o.PublishedAt == null, Ct)) == 0) break;
            await Task.Delay(50, Ct);
        }

        var sent = first.Events.Published.Concat(second.Events.Published).OrderBy(e => e.Order).ToList();
        foreach (var id in ids)
        {
            var events = sent.Where(e => e.Payload["processInstanceId"]?.GetValue<string>() == id).ToList();
            // One step: a notification per template, then the task, then the case status, each sent once.
            Assert.Equal([1L, 2L, 3L, 4L, 5L], events.Select(e => e.Payload.Long("sequence")));
            Assert.Equal(["notification-requested", "notification-requested", "notification-requested", "task-created", "case-status-changed"],
                events.Select(e => e.Topic));
        }
        Assert.Equal(ids.Count, refused.Count);
    }
}
