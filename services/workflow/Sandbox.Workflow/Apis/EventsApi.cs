using Microsoft.AspNetCore.Http.HttpResults;
using Sandbox.Workflow.Events;
using Sandbox.Workflow.Hosting;
using Sandbox.Workflow.Runtime;

namespace Sandbox.Workflow.Apis;

/// <summary>The sidecar's answer to a delivery: SUCCESS (done), RETRY, or DROP (to the dead-letter topic).</summary>
public sealed record DeliveryStatus(string Status);

/// <summary>Pub/sub subscriptions; only the sidecar (app API token) may deliver.</summary>
public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/events/submission-received", SubmissionReceivedAsync)
            .WithTopic(new Dapr.TopicOptions
            {
                PubsubName = Topics.PubSub, Name = Topics.SubmissionReceived, DeadLetterTopic = Topics.SubmissionReceivedDeadLetter,
            })
            .RequireAuthorization(DaprAppToken.Policy).WithTags("Events")
            .WithSummary("Starts the process of the e-service whose start form was submitted (once per submission)");
        return api;
    }

    private static async Task<Ok<DeliveryStatus>> SubmissionReceivedAsync(SubmissionReceived submission, SubmissionStarter starter,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var (outcome, instanceId) = await starter.StartAsync(submission, ct);
        loggers.CreateLogger(typeof(EventsApi)).LogInformation("Submission {SubmissionId} of form {FormId}: {Outcome} {InstanceId}",
            submission.SubmissionId, submission.FormId, outcome, instanceId);
        return TypedResults.Ok(new DeliveryStatus(outcome == SubmissionOutcome.Unusable ? "DROP" : "SUCCESS"));
    }
}
