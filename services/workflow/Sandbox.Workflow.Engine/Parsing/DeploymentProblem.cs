using Sandbox.Workflow.Engine.Model;

namespace Sandbox.Workflow.Engine.Parsing;

/// <summary>Why a BPMN file cannot be deployed, pointing at the element.</summary>
/// <param name="ElementId">The element's id; null when the problem is not in one element (e.g. malformed XML).</param>
/// <param name="ElementType">The element's BPMN type, such as <c>businessRuleTask</c>.</param>
/// <param name="Line">The 1-based line in the file; 0 when unknown.</param>
/// <param name="Reason">What is wrong, in plain words.</param>
public sealed record DeploymentProblem(string? ElementId, string ElementType, int Line, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{ElementType} '{ElementId}' (line {Line}): {Reason}";
}

/// <summary>The outcome of parsing a BPMN file: the executable processes, or the problems that stop it.</summary>
/// <param name="Processes">The executable processes; empty when there are problems.</param>
/// <param name="Problems">Every problem found; empty when the file deploys.</param>
public sealed record DeploymentResult(IReadOnlyList<ProcessDefinition> Processes, IReadOnlyList<DeploymentProblem> Problems)
{
    /// <summary>True when the file deploys.</summary>
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>Limits that keep a hostile or broken file from using up memory or stack.</summary>
public sealed record BpmnParserOptions
{
    /// <summary>Largest accepted file, in bytes (default 5 MB).</summary>
    public int MaxBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Deepest accepted element nesting (default 64).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most flow elements in one file (default 10,000).</summary>
    public int MaxElements { get; init; } = 10_000;
}
