using Sandbox.Feel;

namespace Sandbox.Workflow.Engine.Model;

/// <summary>A sequence flow between two elements of the same flow scope.</summary>
/// <param name="Id">The BPMN id.</param>
/// <param name="SourceId">The element the flow leaves.</param>
/// <param name="TargetId">The element the flow enters.</param>
/// <param name="Condition">The FEEL condition, if any.</param>
public sealed record SequenceFlow(string Id, string SourceId, string TargetId, FeelExpression? Condition);
