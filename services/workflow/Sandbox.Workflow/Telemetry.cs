using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sandbox.Workflow;

/// <summary>Traces and metrics of the workflow service (<c>Sandbox.Workflow</c>).</summary>
public sealed class Telemetry : IDisposable
{
    public const string Name = "Sandbox.Workflow";
    public static readonly ActivitySource Source = new(Name);

    private readonly Meter meter;
    private readonly Counter<long> instancesStarted;
    private readonly Counter<long> instancesCompleted;
    private readonly Counter<long> tasksCreated;
    private readonly Counter<long> tasksCompleted;
    private readonly Counter<long> incidents;
    private readonly Counter<long> eventsPublished;
    private readonly Histogram<double> instanceDuration;
    private readonly Histogram<double> taskDuration;
    private readonly Histogram<double> jobLatency;

    public Telemetry(IMeterFactory meters)
    {
        meter = meters.Create(Name);
        instancesStarted = meter.CreateCounter<long>("sandbox.workflow.instances_started", description: "Process instances started, by process");
        instancesCompleted = meter.CreateCounter<long>("sandbox.workflow.instances_completed", description: "Process instances that reached their end, by process");
        tasksCreated = meter.CreateCounter<long>("sandbox.workflow.tasks_created", description: "User tasks created, by process");
        tasksCompleted = meter.CreateCounter<long>("sandbox.workflow.tasks_completed", description: "User tasks completed, by process");
        incidents = meter.CreateCounter<long>("sandbox.workflow.incidents", description: "Incidents raised, by process and kind");
        eventsPublished = meter.CreateCounter<long>("sandbox.workflow.events_published", description: "Outbox events the sidecar accepted, by topic");
        instanceDuration = meter.CreateHistogram<double>("sandbox.workflow.instance_duration", "s", "Start to end of a process instance (handling time), by process");
        taskDuration = meter.CreateHistogram<double>("sandbox.workflow.user_task_duration", "s", "Creation to completion of a user task, by process and element");
        jobLatency = meter.CreateHistogram<double>("sandbox.workflow.job_latency", "s", "Creation to completion of a job, by type and mode (push or pull)");
    }

    /// <summary>
    /// A span for one engine step of an instance. Inside a request or a delivery it is a child of that trace; a step
    /// started from stored work (a timer, a pushed job) gives the stored <paramref name="traceParent"/> as its parent.
    /// </summary>
    public static Activity? StartStepActivity(string command, string bpmnProcessId, string instanceId, string? traceParent = null)
    {
        var parent = Activity.Current is null && ActivityContext.TryParse(traceParent, null, out var stored) ? stored : default;
        return Source.StartActivity("workflow " + command, ActivityKind.Internal, parent)
            ?.SetTag("sandbox.workflow.process", bpmnProcessId)
            .SetTag("sandbox.workflow.instance", instanceId);
    }

    /// <summary>A span for work done on behalf of stored work (publishing an event, pushing a job), continuing its trace.</summary>
    public static Activity? StartStoredWorkActivity(string name, ActivityKind kind, string? traceParent) =>
        Source.StartActivity(name, kind, ActivityContext.TryParse(traceParent, null, out var stored) ? stored : default);

    public void InstanceStarted(string process) => instancesStarted.Add(1, new KeyValuePair<string, object?>("process", process));

    public void InstanceCompleted(string process, TimeSpan handlingTime)
    {
        instancesCompleted.Add(1, new KeyValuePair<string, object?>("process", process));
        instanceDuration.Record(handlingTime.TotalSeconds, new KeyValuePair<string, object?>("process", process));
    }

    public void TaskCreated(string process) => tasksCreated.Add(1, new KeyValuePair<string, object?>("process", process));

    public void TaskCompleted(string process, string elementId, TimeSpan handlingTime)
    {
        tasksCompleted.Add(1, new KeyValuePair<string, object?>("process", process));
        taskDuration.Record(handlingTime.TotalSeconds, new("process", process), new("element", elementId));
    }

    public void JobCompleted(string type, string mode, TimeSpan latency) =>
        jobLatency.Record(latency.TotalSeconds, new("type", type), new("mode", mode));

    public void Incident(string process, string kind) => incidents.Add(1, new("process", process), new("kind", kind));

    public void EventPublished(string topic) => eventsPublished.Add(1, new KeyValuePair<string, object?>("topic", topic));

    public void Dispose() => meter.Dispose();
}
