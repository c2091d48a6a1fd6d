using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Engine.Execution;

namespace Sandbox.Workflow.Runtime;

/// <summary>
/// Correlates a message to the open subscriptions of its tenant, name and correlation key, once per instance.
/// A buffered message records each delivery in the same unit of work as the step, so it never reaches an
/// instance twice.
/// </summary>
public sealed class MessageCorrelator(WorkflowDb db, InstanceRunner runner)
{
    public async Task<List<string>> CorrelateAsync(string tenant, string name, string key, JsonObject? variables, long? messageId, CancellationToken ct)
    {
        var waiting = await db.MessageSubscriptions.AsNoTracking()
            .Where(m => m.Tenant == tenant && m.MessageName == name && m.CorrelationKey == key && m.State == WorkState.Open)
            .Where(m => messageId == null || !db.MessageDeliveries.Any(d => d.MessageId == messageId && d.InstanceId == m.InstanceId))
            .OrderBy(m => m.Id).ToListAsync(ct);
        var correlated = new List<string>();
        foreach (var subscription in waiting.DistinctBy(m => m.InstanceId))
        {
            var outcome = await runner.ExecuteAsync(subscription.InstanceId, new CorrelateMessage(subscription.SubscriptionKey, (JsonObject?)variables?.DeepClone()),
                messageId is not { } id ? null : _ =>
                {
                    db.MessageDeliveries.Add(new MessageDeliveryRow { MessageId = id, InstanceId = subscription.InstanceId });
                    return Task.CompletedTask;
                }, ct);
            if (outcome.Succeeded) correlated.Add(subscription.InstanceId);
        }
        return correlated;
    }

    /// <summary>Offers each buffered message that has not expired to the subscriptions opened since; drops expired ones.</summary>
    public async Task CorrelateBufferedAsync(DateTime now, CancellationToken ct)
    {
        var expired = await db.Messages.Where(m => m.ExpiresAt <= now).Select(m => m.Id).ToListAsync(ct);
        if (expired.Count > 0)
        {
            await db.MessageDeliveries.Where(d => expired.Contains(d.MessageId)).ExecuteDeleteAsync(ct);
            await db.Messages.Where(m => expired.Contains(m.Id)).ExecuteDeleteAsync(ct);
        }
        var buffered = await db.Messages.AsNoTracking()
            .Where(m => db.MessageSubscriptions.Any(s => s.Tenant == m.Tenant && s.MessageName == m.Name && s.CorrelationKey == m.CorrelationKey
                && s.State == WorkState.Open && !db.MessageDeliveries.Any(d => d.MessageId == m.Id && d.InstanceId == s.InstanceId)))
            .OrderBy(m => m.Id).Take(100).ToListAsync(ct);
        foreach (var message in buffered)
        {
            var variables = message.VariablesJson is null ? null : JsonNode.Parse(message.VariablesJson)?.AsObject();
            await CorrelateAsync(message.Tenant, message.Name, message.CorrelationKey, variables, message.Id, ct);
        }
    }
}
