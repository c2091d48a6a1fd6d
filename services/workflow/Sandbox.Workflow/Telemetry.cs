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

    public Telemetry(IMeterFactory meters)
    {
        meter = meters.Create(Name);
        instancesStarted = meter.CreateCounter<long>("sandbox.workflow.instances_started", description: "Process instances started, by process");
        instancesCompleted = meter.CreateCounter<long>("sandbox.workflow.instances_completed", description: "Process instances that reached their end, by process");
        tasksCreated = meter.CreateCounter<long>("sandbox.workflow.tasks_created", description: "User tasks created, by process");
        tasksCompleted = meter.CreateCounter<long>("sandbox.workflow.tasks_completed", description: "User tasks completed, by process");
        incidents = meter.CreateCounter<long>("sandbox.workflow.incidents", description: "Incidents raised, by process and kind");
    }

    /// <summary>A span for one engine step of an instance.</summary>
    public static Activity? StartStepActivity(string command, string bpmnProcessId, string instanceId) =>
        Source.StartActivity("workflow " + command)
            ?.SetTag("sandbox.workflow.process", bpmnProcessId)
            .SetTag("sandbox.workflow.instance", instanceId);

    public void InstanceStarted(string process) => instancesStarted.Add(1, new KeyValuePair<string, object?>("process", process));

    public void InstanceCompleted(string process) => instancesCompleted.Add(1, new KeyValuePair<string, object?>("process", process));

    public void TaskCreated(string process) => tasksCreated.Add(1, new KeyValuePair<string, object?>("process", process));

    public void TaskCompleted(string process) => tasksCompleted.Add(1, new KeyValuePair<string, object?>("process", process));

    public void Incident(string process, string kind) => incidents.Add(1, new("process", process), new("kind", kind));

    public void Dispose() => meter.Dispose();
}
