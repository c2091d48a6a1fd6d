using System.Collections.Concurrent;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.Model;

namespace Sandbox.Workflow.Runtime;

/// <summary>Parsed definitions by row id: a deployed version never changes, so it is parsed once per process.</summary>
public sealed class DefinitionCache(WorkflowEngine engine)
{
    private readonly ConcurrentDictionary<long, ProcessDefinition> byId = new();

    /// <summary>The parsed definition of row <paramref name="id"/> when it was parsed before; saves reading its XML again.</summary>
    public ProcessDefinition? Find(long id) => byId.GetValueOrDefault(id);

    public ProcessDefinition Get(ProcessDefinitionRow row) => byId.GetOrAdd(row.Id, _ =>
    {
        var deployment = engine.Deploy(row.Xml);
        return deployment.Processes.FirstOrDefault(p => p.Id == row.BpmnProcessId)
            ?? throw new InvalidOperationException($"Stored definition {row.Id} no longer parses: {string.Join("; ", deployment.Problems)}");
    });
}
