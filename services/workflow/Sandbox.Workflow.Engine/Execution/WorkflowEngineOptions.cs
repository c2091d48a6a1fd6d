using Sandbox.Feel;
using Sandbox.Workflow.Engine.Model;

namespace Sandbox.Workflow.Engine.Execution;

/// <summary>Finds deployed processes for call activities; the host implements it over its own store.</summary>
public interface IProcessResolver
{
    /// <summary>The latest deployed version of the process, or null when none is deployed.</summary>
    ProcessDefinition? Find(string processId);
}

/// <summary>The engine's clock, FEEL engine, limits and the host's process resolver.</summary>
public sealed record WorkflowEngineOptions
{
    /// <summary>The clock every step reads "now" from (the sandbox clock in a pilot). Default: the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The FEEL engine; when null, the engine makes one on <see cref="Clock"/>.</summary>
    public FeelEngine? Feel { get; init; }

    /// <summary>Most element steps one command may take before the instance stops with an incident (default 10,000).</summary>
    public int StepBudget { get; init; } = 10_000;

    /// <summary>Finds called processes; when null, call activities are requested without checking.</summary>
    public IProcessResolver? Processes { get; init; }

    /// <summary>Limits for reading BPMN files.</summary>
    public Parsing.BpmnParserOptions Parser { get; init; } = new();
}
