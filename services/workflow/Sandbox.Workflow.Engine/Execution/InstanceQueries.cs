using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Execution;

/// <summary>What the host shows about an instance.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InstanceStatus>))]
public enum InstanceStatus
{
    /// <summary>Running with no open incident.</summary>
    Active,
    /// <summary>Reached its end.</summary>
    Completed,
    /// <summary>Cancelled.</summary>
    Terminated,
    /// <summary>Running, but stopped at one or more open incidents.</summary>
    Incident,
}

/// <summary>Read-only questions about an instance state (status, variables, active elements, subscriptions).</summary>
public static class InstanceQueries
{
    /// <summary>Active, completed, terminated, or incident when it runs with an open incident.</summary>
    public static InstanceStatus Status(this InstanceState state) => state.Lifecycle switch
    {
        InstanceLifecycle.Completed => InstanceStatus.Completed,
        InstanceLifecycle.Terminated => InstanceStatus.Terminated,
        _ => state.Incidents.Count > 0 ? InstanceStatus.Incident : InstanceStatus.Active,
    };

    /// <summary>The ids of the elements that hold a token now (the process itself not counted), in the order entered.</summary>
    public static IReadOnlyList<string> ActiveElementIds(this InstanceState state) =>
        state.Lifecycle == InstanceLifecycle.Active ? state.Elements.Skip(1).Select(e => e.ElementId).ToList() : [];

    /// <summary>The local variables of each scope that has any, by element instance key (1 is the process instance).</summary>
    public static IReadOnlyDictionary<long, JsonObject> VariablesByScope(this InstanceState state) =>
        state.Elements.Where(e => e.Variables is not null).ToDictionary(e => e.Key, e => (JsonObject)e.Variables!.DeepClone());

    /// <summary>The process instance's variables (the root scope).</summary>
    public static JsonObject ProcessVariables(this InstanceState state) =>
        (JsonObject?)state.Elements.FirstOrDefault()?.Variables?.DeepClone() ?? [];

    /// <summary>
    /// Every variable visible from an element instance, inner scopes hiding outer ones: what a job worker or a
    /// user task form receives.
    /// </summary>
    /// <exception cref="WorkflowCommandException">No such element instance.</exception>
    public static JsonObject VisibleVariables(this InstanceState state, long elementInstanceKey)
    {
        var byKey = state.Elements.ToDictionary(e => e.Key);
        if (!byKey.TryGetValue(elementInstanceKey, out var instance)) throw new WorkflowCommandException($"No element instance {elementInstanceKey}");
        var layers = new List<JsonObject>();
        for (var scope = instance; scope is not null; scope = scope.ParentKey is { } parent ? byKey[parent] : null)
        {
            if (scope.Variables is not null) layers.Add(scope.Variables);
        }
        return new ScopeVariables(layers).Merged();
    }

    /// <summary>The open message subscriptions for a message name and correlation key.</summary>
    public static IEnumerable<Subscription> MessageSubscriptions(this InstanceState state, string messageName, string correlationKey) =>
        state.Subscriptions.Where(s => s.Kind == SubscriptionKind.Message && s.MessageName == messageName && s.CorrelationKey == correlationKey);

    /// <summary>The open timers, soonest first.</summary>
    public static IEnumerable<Subscription> Timers(this InstanceState state) =>
        state.Subscriptions.Where(s => s.Kind == SubscriptionKind.Timer).OrderBy(s => s.DueAt);
}
