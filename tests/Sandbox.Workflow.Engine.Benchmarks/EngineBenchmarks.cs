using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Benchmarks;

/// <summary>
/// One whole instance per operation, driven as a host drives it: start, then complete each job as it appears,
/// every step producing a new state and its effects. Divide the mean by the elements entered for µs per element.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private readonly WorkflowEngine _engine = new();
    private ProcessDefinition _straight = null!;
    private ProcessDefinition _gateways = null!;

    [GlobalSetup]
    public void Setup()
    {
        _straight = _engine.Deploy(Models.Straight()).Processes[0];
        _gateways = _engine.Deploy(Models.Gateways()).Processes[0];
        Report("straight", _straight);
        Report("gateways", _gateways);
    }

    /// <summary>Start → 10 service tasks → end: 12 elements entered.</summary>
    [Benchmark(Baseline = true)]
    public InstanceState Straight10() => RunToEnd(_straight);

    /// <summary>20-element process with exclusive, parallel and inclusive gateways: 19 elements entered.</summary>
    [Benchmark]
    public InstanceState Gateways20() => RunToEnd(_gateways);

    private InstanceState RunToEnd(ProcessDefinition definition)
    {
        var result = _engine.Start(definition, new StartInstance("bench", new JsonObject { ["amount"] = 250, ["flag"] = true }));
        var jobs = new Queue<long>();
        while (true)
        {
            foreach (var effect in result.Effects)
            {
                if (effect is JobCreated job) jobs.Enqueue(job.ElementInstanceKey);
            }
            if (!jobs.TryDequeue(out var key)) return result.State;
            result = _engine.Execute(definition, result.State, new CompleteJob(key));
        }
    }

    private void Report(string name, ProcessDefinition definition)
    {
        var state = RunToEnd(definition);
        if (state.Lifecycle != InstanceLifecycle.Completed) throw new InvalidOperationException($"{name} did not complete");
        Console.WriteLine($"// {name}: {state.History.Count - 1} elements entered per instance");
    }
}
