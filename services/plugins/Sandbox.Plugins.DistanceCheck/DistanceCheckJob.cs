using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Sandbox.Plugins.DistanceCheck;

/// <summary><c>POST /jobs/distance-check</c>: only the Dapr sidecar may call it (app API token).</summary>
public static class DistanceCheckJob
{
    /// <summary>The error code when the application names no address.</summary>
    public const string AddressUnknown = "address-unknown";

    /// <summary>The error code when the application names no school.</summary>
    public const string SchoolUnknown = "school-unknown";

    public static IEndpointRouteBuilder MapDistanceCheckJob(this IEndpointRouteBuilder app)
    {
        app.MapPost("/jobs/distance-check", Handle)
            .RequireAuthorization(DaprAppToken.Policy)
            .WithSummary("Computes distanceKm from the variables address and school");
        return app;
    }

    private static Results<Ok<JobCompleted>, UnprocessableEntity<JobError>> Handle(
        JobRequest job, DistanceTelemetry telemetry, ILogger<JobRequest> logger)
    {
        using var activity = DistanceTelemetry.StartJobActivity(job);
        var address = Text(job.Variables, "address");
        var school = Text(job.Variables, "school");
        if (address is null || school is null)
        {
            var code = address is null ? AddressUnknown : SchoolUnknown;
            logger.LogInformation("Job {JobKey} of {InstanceId}: {ErrorCode}", job.Key, job.ProcessInstanceId, code);
            telemetry.Answered(code);
            return TypedResults.UnprocessableEntity(new JobError(code,
                address is null ? "The application names no home address" : "The application names no school"));
        }
        var distance = DistanceEstimator.DistanceKm(address, school);
        logger.LogInformation("Job {JobKey} of {InstanceId}: {DistanceKm} km", job.Key, job.ProcessInstanceId, distance);
        telemetry.Answered("completed");
        return TypedResults.Ok(new JobCompleted(new JsonObject { ["distanceKm"] = distance }));
    }

    // Text, or the text of a {street, postalCode, city} object as identity's /me gives an address.
    private static string? Text(JsonObject? variables, string name)
    {
        var text = variables?[name] switch
        {
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            JsonObject parts => string.Join(", ", parts.Select(p => p.Value).OfType<JsonValue>()
                .Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>())),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
