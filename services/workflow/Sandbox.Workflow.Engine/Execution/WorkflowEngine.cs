using Sandbox.Feel;
using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.Parsing;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Execution;

/// <summary>
/// The BPMN engine: deploys BPMN files and runs instances one command at a time. It keeps nothing between calls,
/// does no I/O and starts no threads: each call takes an instance state and a command and returns the new state
/// with the effects the host must carry out, so the host can store both in one transaction. Thread-safe.
/// </summary>
public sealed class WorkflowEngine
{
    private readonly WorkflowEngineOptions _options;
    private readonly BpmnParser _parser;

    /// <summary>Creates an engine; without options it uses the system clock and default limits.</summary>
    public WorkflowEngine(WorkflowEngineOptions? options = null)
    {
        options ??= new WorkflowEngineOptions();
        Feel = options.Feel ?? new FeelEngine(new FeelEngineOptions { TimeProvider = options.Clock });
        _options = options with { Feel = Feel };
        _parser = new BpmnParser(Feel, _options.Parser);
    }

    /// <summary>The FEEL engine used for every expression.</summary>
    public FeelEngine Feel { get; }

    /// <summary>Parses and validates a BPMN file; see <see cref="BpmnParser"/>.</summary>
    public DeploymentResult Deploy(byte[] bpmnXml) => _parser.Parse(bpmnXml);

    /// <summary>Parses and validates BPMN text.</summary>
    public DeploymentResult Deploy(string bpmnXml) => _parser.Parse(bpmnXml);

    /// <summary>Starts an instance of a process at its none start event, or at the given message or timer start event.</summary>
    /// <exception cref="WorkflowCommandException">The start event does not exist or cannot start the process.</exception>
    public StepResult Start(ProcessDefinition definition, StartInstance command)
    {
        var now = _options.Clock.GetUtcNow();
        var start = command.StartEventId is null
            ? definition.Root.StartEvents.FirstOrDefault(s => s.Trigger == EventTrigger.None)
            : definition.Root.StartEvents.FirstOrDefault(s => s.Id == command.StartEventId);
        if (start is null) throw new WorkflowCommandException($"Process '{definition.Id}' has no start event '{command.StartEventId ?? "(none)"}'");
        var state = new InstanceState { InstanceId = command.InstanceId, ProcessId = definition.Id, StartedAt = now };
        var run = new Run(definition, state, _options, now);
        var root = run.Enter(definition.Root, null, ElementPhase.Active);
        if (command.Variables is { Count: > 0 } variables) root.Variables = (System.Text.Json.Nodes.JsonObject)variables.DeepClone();
        // Should an event subprocess fail to subscribe, its incident waits on the process while the flow starts.
        run.OpenRootEventSubProcesses(root);
        run.Enter(start, root, ElementPhase.Completing);
        run.Drain();
        return new StepResult(state, run.Effects, run.Steps);
    }

    /// <summary>Applies a command to an instance. The given state is not changed; the result holds the new one.</summary>
    /// <exception cref="WorkflowCommandException">The command does not fit the instance (unknown key, wrong state, instance ended).</exception>
    public StepResult Execute(ProcessDefinition definition, InstanceState state, InstanceCommand command)
    {
        if (state.ProcessId != definition.Id) throw new WorkflowCommandException($"The instance belongs to process '{state.ProcessId}', not '{definition.Id}'");
        if (state.Lifecycle != InstanceLifecycle.Active) throw new WorkflowCommandException($"The instance has {state.Lifecycle.ToString().ToLowerInvariant()}");
        var next = state.Clone();
        var now = _options.Clock.GetUtcNow();
        var run = new Run(definition, next, _options, now);
        CommandHandler.Apply(run, command);
        run.Drain();
        return new StepResult(next, run.Effects, run.Steps);
    }
}

/// <summary>A command does not fit the instance: an unknown key, an element not waiting for it, or an ended instance.</summary>
public sealed class WorkflowCommandException(string message) : InvalidOperationException(message);
