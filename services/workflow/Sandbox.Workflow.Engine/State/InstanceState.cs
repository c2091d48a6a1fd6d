using System.Text.Json.Serialization;
using Sandbox.Workflow.Engine.Model;

namespace Sandbox.Workflow.Engine.State;

/// <summary>Whether a process instance still runs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InstanceLifecycle>))]
public enum InstanceLifecycle
{
    /// <summary>It runs (possibly stopped at an incident).</summary>
    Active,
    /// <summary>It reached its end.</summary>
    Completed,
    /// <summary>It was cancelled.</summary>
    Terminated,
}

/// <summary>
/// The whole state of one process instance: a plain snapshot that <c>System.Text.Json</c> writes and reads back
/// exactly. The host stores it after every step, together with the step's effects; the engine never keeps it.
/// </summary>
public sealed class InstanceState
{
    /// <summary>The host's id for the instance.</summary>
    public string InstanceId { get; set; } = "";

    /// <summary>The BPMN process id of its definition.</summary>
    public string ProcessId { get; set; } = "";

    /// <summary>Whether it runs, completed or was cancelled.</summary>
    public InstanceLifecycle Lifecycle { get; set; }

    /// <summary>The next key to hand out for element instances, subscriptions and incidents.</summary>
    public long NextKey { get; set; } = 1;

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When it completed or was cancelled.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The live element instances; the first is the process instance itself (it stays after the end, for its variables).</summary>
    public List<ElementInstance> Elements { get; set; } = [];

    /// <summary>Open timers and message subscriptions.</summary>
    public List<Subscription> Subscriptions { get; set; } = [];

    /// <summary>Open incidents.</summary>
    public List<Incident> Incidents { get; set; } = [];

    /// <summary>Every element instance entered, with when it was entered and left.</summary>
    public List<HistoryEntry> History { get; set; } = [];

    internal InstanceState Clone() => new()
    {
        InstanceId = InstanceId,
        ProcessId = ProcessId,
        Lifecycle = Lifecycle,
        NextKey = NextKey,
        StartedAt = StartedAt,
        EndedAt = EndedAt,
        Elements = Elements.ConvertAll(e => e.Clone()),
        Subscriptions = [.. Subscriptions],
        Incidents = [.. Incidents],
        History = [.. History],
    };
}
