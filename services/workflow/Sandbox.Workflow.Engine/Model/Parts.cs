using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Sandbox.Feel;

namespace Sandbox.Workflow.Engine.Model;

/// <summary>One <c>zeebe:input</c> or <c>zeebe:output</c>: a FEEL source and a target variable (a dotted path is allowed).</summary>
/// <param name="Source">The FEEL expression.</param>
/// <param name="Target">The variable name, or a path such as <c>order.total</c>.</param>
public sealed record VariableMapping(FeelExpression Source, string Target);

/// <summary>The input and output mappings of an element.</summary>
/// <param name="Inputs">Evaluated when the element is entered; they become its local variables.</param>
/// <param name="Outputs">Evaluated when the element completes; they are written to the enclosing scopes.</param>
public sealed record IoMapping(ImmutableArray<VariableMapping> Inputs, ImmutableArray<VariableMapping> Outputs)
{
    /// <summary>No mappings.</summary>
    public static IoMapping Empty { get; } = new([], []);
}

/// <summary>A job for a worker (<c>zeebe:taskDefinition</c>, <c>zeebe:taskHeaders</c>).</summary>
/// <param name="Type">The job type; a literal or a FEEL expression (<c>=...</c>).</param>
/// <param name="Retries">The retries; a literal number or a FEEL expression.</param>
/// <param name="Headers">Static headers for the worker.</param>
public sealed record JobDefinition(string Type, string Retries, ImmutableDictionary<string, string> Headers);

/// <summary>A user task: form, assignment and schedule. Each text is a literal or a FEEL expression (<c>=...</c>).</summary>
/// <param name="FormId">The linked form id (<c>zeebe:formDefinition formId</c>).</param>
/// <param name="FormKey">The form key (<c>zeebe:formDefinition formKey</c>, e.g. <c>camunda-forms:bpmn:userTaskForm_1</c>).</param>
/// <param name="EmbeddedForm">The form-js JSON of an embedded <c>zeebe:userTaskForm</c> the form key points at.</param>
/// <param name="Assignee">The assignee.</param>
/// <param name="CandidateGroups">Candidate groups: comma-separated, or an expression giving a list.</param>
/// <param name="CandidateUsers">Candidate users: comma-separated, or an expression giving a list.</param>
/// <param name="DueDate">The due date (ISO 8601 date-time).</param>
/// <param name="FollowUpDate">The follow-up date (ISO 8601 date-time).</param>
public sealed record UserTaskDefinition(
    string? FormId, string? FormKey, string? EmbeddedForm, string? Assignee,
    string? CandidateGroups, string? CandidateUsers, string? DueDate, string? FollowUpDate);

/// <summary>The form linked to a none start event (<c>zeebe:formDefinition</c>): what a citizen fills in to start.</summary>
/// <param name="FormId">The linked form id.</param>
/// <param name="FormKey">The form key.</param>
public sealed record StartFormDefinition(string? FormId, string? FormKey);

/// <summary>A script task's FEEL expression and the variable its result goes to.</summary>
/// <param name="Expression">The FEEL expression.</param>
/// <param name="ResultVariable">The variable that receives the result.</param>
public sealed record ScriptDefinition(FeelExpression Expression, string ResultVariable);

/// <summary>How a timer is given.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimerKind>))]
public enum TimerKind
{
    /// <summary>An ISO 8601 duration after the element is entered.</summary>
    Duration,
    /// <summary>An ISO 8601 date-time.</summary>
    Date,
    /// <summary>An ISO 8601 repeating interval (<c>R5/PT10M</c>, <c>R/P1D</c>).</summary>
    Cycle,
}

/// <summary>A timer: its kind and its value, a literal or a FEEL expression (<c>=...</c>).</summary>
/// <param name="Kind">Duration, date or cycle.</param>
/// <param name="Value">The ISO 8601 text or the expression.</param>
public sealed record TimerDefinition(TimerKind Kind, string Value);

/// <summary>A message to wait for: its name and correlation key (each a literal or a FEEL expression).</summary>
/// <param name="Name">The message name.</param>
/// <param name="CorrelationKey">The correlation key; null for message start events.</param>
public sealed record MessageDefinition(string Name, string? CorrelationKey);

/// <summary>A call activity's target (<c>zeebe:calledElement</c>).</summary>
/// <param name="ProcessId">The called BPMN process id; a literal or a FEEL expression.</param>
/// <param name="PropagateAllChildVariables">Whether all the child's variables come back when no output mapping is given.</param>
/// <param name="PropagateAllParentVariables">Whether the child receives all visible variables or only the input mappings.</param>
public sealed record CallDefinition(string ProcessId, bool PropagateAllChildVariables, bool PropagateAllParentVariables);

/// <summary>Multi-instance loop characteristics (<c>zeebe:loopCharacteristics</c>).</summary>
/// <param name="Sequential">One instance at a time, or all at once.</param>
/// <param name="InputCollection">FEEL expression giving the list to iterate.</param>
/// <param name="InputElement">Local variable for the current item, if any.</param>
/// <param name="OutputCollection">Variable collecting the results, if any.</param>
/// <param name="OutputElement">FEEL expression giving each instance's result, if any.</param>
/// <param name="CompletionCondition">FEEL condition that ends the loop early, if any.</param>
public sealed record MultiInstanceDefinition(
    bool Sequential, FeelExpression InputCollection, string? InputElement,
    string? OutputCollection, FeelExpression? OutputElement, FeelExpression? CompletionCondition);
