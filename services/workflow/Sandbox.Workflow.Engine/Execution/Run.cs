using Sandbox.Feel;
using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Execution;

// One command's work on one instance: an agenda of element instances to activate or complete, run until every
// token waits, the instance ends, or the step budget is spent.
internal sealed partial class Run
{
    private readonly Dictionary<long, ElementInstance> _byKey = [];
    private readonly Queue<long> _agenda = new();
    private readonly int _budget;

    public Run(ProcessDefinition definition, InstanceState state, WorkflowEngineOptions options, DateTimeOffset now)
    {
        Definition = definition;
        State = state;
        Options = options;
        Feel = options.Feel!;
        Now = now;
        _budget = options.StepBudget;
        foreach (var element in state.Elements) _byKey[element.Key] = element;
    }

    public ProcessDefinition Definition { get; }
    public InstanceState State { get; }
    public WorkflowEngineOptions Options { get; }
    public FeelEngine Feel { get; }
    public DateTimeOffset Now { get; }
    public List<EngineEffect> Effects { get; } = [];
    public int Steps { get; private set; }

    public ElementInstance Root => State.Elements[0];

    public FlowNode NodeOf(ElementInstance instance) => Definition[instance.ElementId];

    public ElementInstance? Find(long key) => _byKey.GetValueOrDefault(key);

    public ElementInstance? ParentOf(ElementInstance instance) => instance.ParentKey is { } key ? Find(key) : null;

    public IEnumerable<ElementInstance> ChildrenOf(ElementInstance scope) => State.Elements.Where(e => e.ParentKey == scope.Key);

    public long NextKey() => State.NextKey++;

    // Creates an element instance in a scope and puts it on the agenda.
    public ElementInstance Enter(FlowNode node, ElementInstance? scope, ElementPhase phase = ElementPhase.Activating)
    {
        // A multi-instance activity is entered as its body; the body enters the inner instances.
        var body = node.Loop is not null && !(scope is { IsMultiInstanceBody: true } && scope.ElementId == node.Id);
        var instance = new ElementInstance
        {
            Key = NextKey(), ElementId = node.Id, ParentKey = scope?.Key, Phase = phase,
            IsMultiInstanceBody = body, EnteredAt = Now, HistoryIndex = State.History.Count,
        };
        State.Elements.Add(instance);
        _byKey[instance.Key] = instance;
        var kind = body ? ElementKind.MultiInstanceBody : node.Kind;
        State.History.Add(new HistoryEntry(instance.Key, node.Id, kind, Now));
        Effects.Add(new ElementEntered(instance.Key, node.Id, kind, Now));
        Schedule(instance);
        return instance;
    }

    public void Schedule(ElementInstance instance)
    {
        if (instance.Phase != ElementPhase.Active) _agenda.Enqueue(instance.Key);
    }

    public void Complete(ElementInstance instance)
    {
        instance.Phase = ElementPhase.Completing;
        Schedule(instance);
    }

    // Works the agenda; a cycle with no wait state stops at the budget with an incident, not a hang.
    public void Drain()
    {
        while (_agenda.TryDequeue(out var key))
        {
            if (Find(key) is not { } instance || instance.Phase == ElementPhase.Active || HasIncident(instance)) continue;
            if (Steps == _budget)
            {
                RaiseIncident(instance, IncidentKind.StepBudgetExceeded,
                    $"The command took more than {_budget} steps without reaching a wait state; the model may loop without one");
                _agenda.Clear();
                return;
            }
            Steps++;
            if (instance.Phase == ElementPhase.Activating) Activate(instance);
            else Leave(instance);
        }
    }

    // Removes an element instance that is done, recording when it left.
    public void Remove(ElementInstance instance, bool terminated)
    {
        State.Elements.Remove(instance);
        _byKey.Remove(instance.Key);
        var entry = State.History[instance.HistoryIndex];
        State.History[instance.HistoryIndex] = entry with { LeftAt = Now, Terminated = terminated };
        Effects.Add(new ElementLeft(instance.Key, instance.ElementId, entry.Kind, entry.EnteredAt, Now, terminated));
    }

    public bool HasIncident(ElementInstance instance) => State.Incidents.Exists(i => i.ElementInstanceKey == instance.Key);

    public void RaiseIncident(ElementInstance instance, IncidentKind kind, string message, string? errorCode = null)
    {
        var incident = new Incident(NextKey(), kind, instance.Key, instance.ElementId, message, Now, errorCode);
        State.Incidents.Add(incident);
        Effects.Add(new IncidentRaised(incident));
    }

    // Runs a FEEL evaluation; a limit error becomes an incident on the element and the result is null.
    public bool TryEvaluate<T>(ElementInstance instance, Func<T> evaluate, out T result)
    {
        try
        {
            result = evaluate();
            return true;
        }
        catch (Exception e) when (e is FeelException or FormatException or ExpressionResultException)
        {
            RaiseIncident(instance, IncidentKind.ExpressionError, e.Message);
            result = default!;
            return false;
        }
    }
}

// An expression gave a value of the wrong type for where it is used.
internal sealed class ExpressionResultException(string message) : Exception(message);
