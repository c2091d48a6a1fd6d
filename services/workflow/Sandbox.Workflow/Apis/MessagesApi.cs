using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Hosting;
using Sandbox.Workflow.Runtime;

namespace Sandbox.Workflow.Apis;

/// <param name="TimeToLive">How long, in milliseconds, the message waits for catch events that are not waiting yet (0: it does not wait).</param>
public sealed record PublishMessageRequest(string? Name, string? CorrelationKey, JsonObject? Variables, long TimeToLive);

/// <param name="Correlated">The instances whose waiting catch event received the message.</param>
/// <param name="Started">The instances a message start event started.</param>
public sealed record PublishMessageResponse(IReadOnlyList<string> Correlated, IReadOnlyList<string> Started);

/// <summary>Messages: correlated by name and correlation key to waiting catch events, and to message start events.</summary>
public static class MessagesApi
{
    private static readonly TimeSpan MaxTimeToLive = TimeSpan.FromDays(365);

    public static RouteGroupBuilder MapMessagesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/messages", Publish).WithTags("Messages").RequireAuthorization(WorkflowPolicies.Operator)
            .WithSummary("Correlates a message to the instances waiting for it and starts the processes it starts");
        return api;
    }

    private static async Task<Results<Ok<PublishMessageResponse>, ValidationProblem, ProblemHttpResult>> Publish(PublishMessageRequest request,
        ClaimsPrincipal user, WorkflowDb db, InstanceRunner runner, MessageCorrelator correlator, DefinitionCache definitions,
        TimeProvider clock, CancellationToken ct)
    {
        if (Problems.Tenant(user) is not { } tenant) return Problems.NoTenant();
        if (string.IsNullOrWhiteSpace(request.Name)) return Problems.Invalid("name", "The message name is required");
        if (request.TimeToLive < 0 || request.TimeToLive > MaxTimeToLive.TotalMilliseconds)
            return Problems.Invalid("timeToLive", "The time to live must be between 0 and 365 days, in milliseconds");
        var key = request.CorrelationKey ?? "";

        long? messageId = null;
        if (request.TimeToLive > 0)
        {
            var message = new MessageRow
            {
                Tenant = tenant, Name = request.Name, CorrelationKey = key, VariablesJson = request.Variables?.ToJsonString(),
                ExpiresAt = clock.GetUtcNow().UtcDateTime.AddMilliseconds(request.TimeToLive),
            };
            db.Messages.Add(message);
            await db.SaveChangesAsync(ct);
            messageId = message.Id;
        }
        var correlated = await correlator.CorrelateAsync(tenant, request.Name, key, request.Variables, messageId, ct);

        var started = new List<string>();
        foreach (var definition in await LatestVersionsAsync(db, tenant, ct))
        {
            var start = definitions.Get(definition).MessageStartEvents.FirstOrDefault(s => s.Message?.Name == request.Name);
            if (start is null) continue;
            db.ChangeTracker.Clear();
            started.Add((await runner.StartAsync(definition, request.Variables, ct, start.Id)).Id);
        }
        return TypedResults.Ok(new PublishMessageResponse(correlated, started));
    }

    private static async Task<List<ProcessDefinitionRow>> LatestVersionsAsync(WorkflowDb db, string tenant, CancellationToken ct)
    {
        var latest = (await db.Definitions.Where(d => d.Tenant == tenant).Select(d => new { d.Id, d.BpmnProcessId, d.Version }).ToListAsync(ct))
            .GroupBy(d => d.BpmnProcessId).Select(g => g.MaxBy(d => d.Version)!.Id).ToList();
        return await db.Definitions.AsNoTracking().Where(d => latest.Contains(d.Id)).ToListAsync(ct);
    }
}
