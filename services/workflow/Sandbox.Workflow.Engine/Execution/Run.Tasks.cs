using Sandbox.Feel;
using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Execution;

// Jobs for workers and user tasks for the inbox.
internal sealed partial class Run
{
    // Creates (or re-offers) the job of an element; retries come from the model unless given.
    public bool CreateJob(ElementInstance instance, FlowNode node, int? retries, DateTimeOffset? availableAt = null)
    {
        var job = node.Job!;
        if (!TryEvaluate(instance, () => Text(instance, job.Type)!, out var type)) return false;
        if (retries is null)
        {
            if (!TryEvaluate(instance, () => int.Parse(Text(instance, job.Retries)!, System.Globalization.CultureInfo.InvariantCulture), out var modelRetries)) return false;
            retries = modelRetries;
        }
        instance.JobRetries = retries.Value;
        Effects.Add(new JobCreated(instance.Key, node.Id, type, retries.Value, job.Headers, availableAt));
        return true;
    }

    private bool CreateUserTask(ElementInstance instance, FlowNode node)
    {
        var task = node.UserTask!;
        return TryEvaluate(instance, () =>
        {
            Effects.Add(new UserTaskCreated(instance.Key, node.Id, node.Name, Text(instance, task.FormId), task.FormKey,
                task.EmbeddedForm, Text(instance, task.Assignee), List(instance, task.CandidateGroups),
                List(instance, task.CandidateUsers), Date(instance, task.DueDate), Date(instance, task.FollowUpDate)));
            return true;
        }, out _);
    }

    // Candidate groups and users: "a, b" as text, or an expression giving a list (or one name).
    private IReadOnlyList<string> List(ElementInstance instance, string? property)
    {
        if (string.IsNullOrWhiteSpace(property)) return [];
        if (!FeelEngine.IsExpression(property))
        {
            return property.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        var value = Feel.Compile(property).Evaluate(VariablesOf(instance));
        return value.AsList() is { } items ? items.Select(i => AsText(i, property)).ToArray() : [AsText(value, property)];
    }

    private DateTimeOffset? Date(ElementInstance instance, string? property)
    {
        if (string.IsNullOrWhiteSpace(property)) return null;
        // An expression may give a FEEL date-time as well as ISO text; both end up as ISO text here.
        var text = !FeelEngine.IsExpression(property) ? property
            : Feel.Compile(property).Evaluate(VariablesOf(instance)).ToJsonNode() is System.Text.Json.Nodes.JsonValue value
              && value.TryGetValue<string>(out var iso) ? iso : "";
        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var date)
            ? date : throw new ExpressionResultException($"'{property}' gave '{text}', not an ISO 8601 date-time");
    }

    // The work an element waits on is withdrawn when it is interrupted or cancelled.
    private void CancelWork(ElementInstance instance, FlowNode node)
    {
        if (instance.Phase != ElementPhase.Active || instance.IsMultiInstanceBody) return;
        if (node.Kind == ElementKind.UserTask) Effects.Add(new UserTaskCancelled(instance.Key, node.Id));
        else if (node.Kind == ElementKind.CallActivity) Effects.Add(new CallActivityCancelled(instance.Key, node.Id));
        else if (node.Job is not null && node.Script is null) Effects.Add(new JobCancelled(instance.Key, node.Id));
    }
}
