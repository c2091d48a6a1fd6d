using System.Security.Claims;
using System.Xml;
using Microsoft.AspNetCore.Http.HttpResults;
using Sandbox.Security;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Hosting;
using Sandbox.Workflow.Runtime;

namespace Sandbox.Workflow.Apis;

/// <summary>Moves the service's clock: either <paramref name="Advance"/> by an ISO 8601 duration (P14D, PT2H) or <paramref name="Reset"/>.</summary>
public sealed record ClockRequest(string? Advance, bool Reset);

/// <summary>The service's time, how far it was moved, and who moved it last and when.</summary>
public sealed record ClockView(DateTimeOffset Now, TimeSpan Offset, string? ChangedBy, DateTimeOffset? ChangedAt);

/// <summary>The sandbox clock; mapped only when <c>Sandbox:Workflow:SandboxClock</c> is true.</summary>
public static class SandboxClockApi
{
    private static readonly TimeSpan MaxAdvance = TimeSpan.FromDays(3660);

    public static RouteGroupBuilder MapSandboxClockApi(this RouteGroupBuilder api)
    {
        if (!((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<WorkflowOptions>().SandboxClock) return api;
        var group = api.MapGroup("/sandbox/clock").WithTags("Sandbox clock").RequireAuthorization(WorkflowPolicies.ClockKeeper);
        group.MapGet("/", Read).WithSummary("The service's current time, how far it was moved, by whom and when");
        group.MapPost("/", Move).WithSummary("Advances the clock for the whole service by a duration, or resets it");
        return api;
    }

    private static async Task<Ok<ClockView>> Read(SandboxClockStore store, SandboxClock clock, CancellationToken ct) =>
        TypedResults.Ok(View(await store.RefreshAsync(ct), clock));

    private static async Task<Results<Ok<ClockView>, ValidationProblem>> Move(ClockRequest request, ClaimsPrincipal user,
        SandboxClockStore store, SandboxClock clock, CancellationToken ct)
    {
        var who = user.Subject();
        if (request.Reset) return TypedResults.Ok(View(await store.ResetAsync(who, ct), clock));
        TimeSpan by;
        try
        {
            by = XmlConvert.ToTimeSpan(request.Advance ?? "");
        }
        catch (FormatException)
        {
            return Problems.Invalid("advance", "Give an ISO 8601 duration such as P14D or PT2H, or reset: true");
        }
        if (by <= TimeSpan.Zero || by > MaxAdvance) return Problems.Invalid("advance", "The clock moves forward by up to ten years");
        return TypedResults.Ok(View(await store.AdvanceAsync(by, who, ct), clock));
    }

    private static ClockView View(SandboxClockRow row, SandboxClock clock) => new(clock.GetUtcNow(), clock.Offset, row.ChangedBy,
        row.ChangedAt is { } at ? OutboxWriter.Utc(at) : null);
}
