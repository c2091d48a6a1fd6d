using System.Text.Json.Serialization;

namespace Sandbox.Workflow.Engine.Model;

/// <summary>The BPMN element types the engine executes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ElementKind>))]
public enum ElementKind
{
    /// <summary>The process itself: the root flow scope.</summary>
    Process,
    /// <summary><c>startEvent</c>.</summary>
    StartEvent,
    /// <summary><c>endEvent</c>.</summary>
    EndEvent,
    /// <summary><c>intermediateCatchEvent</c> (timer or message).</summary>
    IntermediateCatchEvent,
    /// <summary><c>intermediateThrowEvent</c> (none, or message with a job).</summary>
    IntermediateThrowEvent,
    /// <summary><c>boundaryEvent</c> (timer, error or message).</summary>
    BoundaryEvent,
    /// <summary><c>serviceTask</c>: a job for a worker.</summary>
    ServiceTask,
    /// <summary><c>sendTask</c>: a job for a worker.</summary>
    SendTask,
    /// <summary><c>userTask</c>: a task in the caseworker inbox.</summary>
    UserTask,
    /// <summary><c>scriptTask</c> with a FEEL expression.</summary>
    ScriptTask,
    /// <summary><c>receiveTask</c>: waits for a message.</summary>
    ReceiveTask,
    /// <summary><c>manualTask</c> or plain <c>task</c>: passes straight through.</summary>
    ManualTask,
    /// <summary><c>exclusiveGateway</c>.</summary>
    ExclusiveGateway,
    /// <summary><c>parallelGateway</c>.</summary>
    ParallelGateway,
    /// <summary><c>inclusiveGateway</c>.</summary>
    InclusiveGateway,
    /// <summary><c>eventBasedGateway</c>.</summary>
    EventBasedGateway,
    /// <summary>Embedded <c>subProcess</c>.</summary>
    SubProcess,
    /// <summary><c>subProcess triggeredByEvent="true"</c>.</summary>
    EventSubProcess,
    /// <summary><c>callActivity</c>: starts another process.</summary>
    CallActivity,
    /// <summary>The multi-instance body that wraps an activity with loop characteristics.</summary>
    MultiInstanceBody,
}

/// <summary>The trigger of an event.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventTrigger>))]
public enum EventTrigger
{
    /// <summary>No event definition.</summary>
    None,
    /// <summary><c>timerEventDefinition</c>.</summary>
    Timer,
    /// <summary><c>messageEventDefinition</c>.</summary>
    Message,
    /// <summary><c>errorEventDefinition</c>.</summary>
    Error,
    /// <summary><c>terminateEventDefinition</c>.</summary>
    Terminate,
}
