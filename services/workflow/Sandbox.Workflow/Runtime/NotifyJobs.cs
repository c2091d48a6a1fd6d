using System.Text.Json.Nodes;
using Sandbox.Feel;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.State;
using Sandbox.Workflow.Events;

namespace Sandbox.Workflow.Runtime;

/// <summary>
/// Jobs of type <c>notify</c> are done by the workflow itself inside the step that created them: one
/// <c>notification-requested</c> event per template header goes to the outbox and the job is completed, so such
/// a job is never offered to workers. A header that cannot be read (no template, a recipient expression that
/// fails, no recipient at all) fails the job without retries, which raises an incident an admin can resolve.
/// </summary>
public sealed class NotifyJobs(WorkflowEngine engine, OutboxWriter outbox)
{
    /// <summary>The job type the workflow handles itself.</summary>
    public const string JobType = "notify";

    // A loop of notify tasks without a wait state would otherwise never end.
    private const int MaxRounds = 100;

    /// <summary>Completes every <c>notify</c> job the step created, chaining the steps that follows.</summary>
    public StepResult CompleteAll(ProcessDefinition definition, InstanceRow instance, StepResult step)
    {
        for (var round = 1; ; round++)
        {
            var job = step.Effects.OfType<JobCreated>().FirstOrDefault(j => j.Type == JobType);
            if (job is null) return step;
            var others = step.Effects.Where(e => !ReferenceEquals(e, job)).ToList();
            InstanceCommand command;
            List<NotificationRequested> notifications = [];
            try
            {
                if (round > MaxRounds) throw new NotifyProblem($"More than {MaxRounds} notify tasks in one step");
                notifications = Build(instance, step.State, job);
                command = new CompleteJob(job.ElementInstanceKey);
            }
            catch (Exception e) when (e is NotifyProblem or FeelException or WorkflowCommandException)
            {
                command = new FailJob(job.ElementInstanceKey, 0, e.Message);
                notifications = [];
            }
            StepResult next;
            try
            {
                next = engine.Execute(definition, step.State, command);
            }
            catch (WorkflowCommandException)
            {
                // A later part of the same step cancelled the job (an interrupting event, a terminate end).
                step = step with { Effects = others };
                continue;
            }
            foreach (var notification in notifications) outbox.Add(instance, Topics.NotificationRequested, notification);
            step = new StepResult(next.State, [.. others, .. next.Effects], step.Steps + next.Steps);
        }
    }

    private List<NotificationRequested> Build(InstanceRow instance, InstanceState state, JobCreated job)
    {
        var templates = (job.Headers.GetValueOrDefault("template") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (templates.Length == 0) throw new NotifyProblem($"The notify task '{job.ElementId}' has no template header");
        var variables = state.VisibleVariables(job.ElementInstanceKey);
        var recipient = ResolveRecipient(job.Headers.GetValueOrDefault("recipient"), variables, instance.Subject)
            ?? throw new NotifyProblem($"The notify task '{job.ElementId}' has no recipient and the case no citizen");
        var language = variables["language"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (instance.Reference is not null) variables["reference"] = instance.Reference;
        return templates.Select(template => new NotificationRequested(
            $"{instance.Id}:{job.ElementInstanceKey}:{template}", instance.Tenant, template, language, recipient,
            (JsonObject)variables.DeepClone(), instance.Reference, instance.Id)).ToList();
    }

    private Recipient? ResolveRecipient(string? header, JsonObject variables, string? subject)
    {
        if (string.IsNullOrWhiteSpace(header)) return subject is null ? null : new Recipient(subject, null, null);
        var node = engine.Feel.ResolveProperty(header, variables).ToJsonNode();
        return node switch
        {
            JsonObject o => Empty(new Recipient(Text(o["subject"]), Text(o["email"]), Text(o["phone"]))),
            JsonValue v when v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) => FromText(s.Trim()),
            _ => throw new NotifyProblem($"The recipient '{header}' gives no subject, email or phone"),
        };
    }

    // A literal is an email address when it has an @, a phone number when it is digits (with + and spaces), else a subject.
    private static Recipient FromText(string text) =>
        text.Contains('@') ? new(null, text, null)
        : text.TrimStart('+').Replace(" ", "", StringComparison.Ordinal).All(char.IsAsciiDigit) ? new(null, null, text)
        : new(text, null, null);

    private static Recipient? Empty(Recipient r) => r.Subject is null && r.Email is null && r.Phone is null ? null : r;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private sealed class NotifyProblem(string message) : Exception(message);
}
