using System.Xml;
using Microsoft.AspNetCore.Http.HttpResults;
using Sandbox.Workflow.Hosting;
using Sandbox.Workflow.Runtime;

namespace Sandbox.Workflow.Apis;

/// <summary>Moves the service's clock: either <paramref name="Advance"/> by an ISO 8601 duration (P14D, PT2H) or <paramref name="Reset"/>.</summary>
public sealed record ClockRequest(string? Advance, bool Reset);

public sealed record ClockView(DateTimeOffset Now, TimeSpan Offset);

/// <summary>The sandbox clock; mapped only when <c>Sandbox:Workflow:SandboxClock</c> is true.</summary>
public static class SandboxClockApi
{
    private static readonly TimeSpan MaxAdvance = TimeSpan.FromDays(3660);

    public static RouteGroupBuilder MapSandboxClockApi(this RouteGroupBuilder api)
    {
        if (!((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<WorkflowOptions>().SandboxClock) return api;
        var group = api.MapGroup("/sandbox/clock").WithTags("Sandbox clock").RequireAuthorization(WorkflowPolicies.ClockKeeper);
        group.MapGet("/", Read).WithSummary("The service's current time and how far it was moved");
        group.MapPost("/", Move).WithSummary("Advances the clock by a duration, or resets it");
        return api;
    }

    private static Ok<ClockView> Read(SandboxClock clock) => TypedResults.Ok(new ClockView(clock.GetUtcNow(), clock.Offset));

    private static Results<Ok<ClockView>, ValidationProblem> Move(ClockRequest request, SandboxClock clock)
    {
        if (request.Reset)
        {
            clock.Reset();
            return TypedResults.Ok(new ClockView(clock.GetUtcNow(), clock.Offset));
        }
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
        clock.Advance(by);
        return TypedResults.Ok(new ClockView(clock.GetUtcNow(), clock.Offset));
    }
}
