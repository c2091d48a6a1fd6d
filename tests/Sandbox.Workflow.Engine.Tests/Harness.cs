using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Tests;

// Drives one instance the way a host would: every step's state goes through JSON before the next command,
// so each test also proves the snapshot round-trips.
internal sealed class Harness
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public Harness(ProcessDefinition definition, int stepBudget = 10_000, IProcessResolver? processes = null)
    {
        Definition = definition;
        Engine = new WorkflowEngine(new WorkflowEngineOptions { Clock = Clock, StepBudget = stepBudget, Processes = processes });
    }

    public FakeTimeProvider Clock { get; } = new(Epoch);
    public WorkflowEngine Engine { get; }
    public ProcessDefinition Definition { get; }
    public InstanceState State { get; private set; } = null!;
    public List<EngineEffect> Effects { get; } = [];
    public StepResult Last { get; private set; } = null!;

    public static Harness Run(string processXml, JsonObject? variables = null, string extra = "") =>
        new Harness(TestModels.Deploy(TestModels.Wrap(processXml, extra))).Start(variables);

    public Harness Start(JsonObject? variables = null, string? startEventId = null)
    {
        Accept(Engine.Start(Definition, new StartInstance("i1", variables, startEventId)));
        return this;
    }

    public Harness Do(InstanceCommand command)
    {
        Accept(Engine.Execute(Definition, State, command));
        return this;
    }

    private void Accept(StepResult result)
    {
        var json = JsonSerializer.Serialize(result.State);
        State = JsonSerializer.Deserialize<InstanceState>(json)!;
        Assert.Equal(json, JsonSerializer.Serialize(State));
        Last = result;
        Effects.AddRange(result.Effects);
    }

    public InstanceStatus Status => State.Status();
    public JsonObject Variables => State.ProcessVariables();

    public IEnumerable<ElementInstance> Waiting(Func<FlowNode, bool> kind) =>
        State.Lifecycle != InstanceLifecycle.Active ? []
        : State.Elements.Skip(1).Where(e => e.Phase == ElementPhase.Active && !e.IsMultiInstanceBody && kind(Definition[e.ElementId]));

    public ElementInstance Job(string type) =>
        Waiting(n => n.Job is not null && n.Kind != ElementKind.UserTask).First(e =>
            Effects.OfType<JobCreated>().Last(j => j.ElementInstanceKey == e.Key).Type == type);

    public ElementInstance Task(string elementId) => Waiting(n => n.Kind == ElementKind.UserTask).First(e => e.ElementId == elementId);

    public Harness CompleteJob(string type, JsonObject? variables = null) => Do(new CompleteJob(Job(type).Key, variables));

    public Harness CompleteTask(string elementId, JsonObject? variables = null) => Do(new CompleteUserTask(Task(elementId).Key, variables));

    public Harness Correlate(string name, string key, JsonObject? variables = null) =>
        Do(new CorrelateMessage(State.MessageSubscriptions(name, key).First().Key, variables));

    // Moves the clock to the soonest timer and fires it.
    public Harness FireNextTimer()
    {
        var timer = State.Timers().First();
        if (timer.DueAt > Clock.GetUtcNow()) Clock.SetUtcNow(timer.DueAt!.Value);
        return Do(new FireTimer(timer.Key));
    }

    public IReadOnlyList<string> Active => State.ActiveElementIds();

    public Incident Incident => Assert.Single(State.Incidents);
}
