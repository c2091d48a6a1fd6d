namespace Sandbox.Workflow.Tests.Infrastructure;

/// <summary>BPMN models with call activities: callers and the processes they call.</summary>
public static class CallModels
{
    private const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d1" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:error id="e1" name="Rejected" errorCode="rejected" />
        """;

    /// <summary>
    /// start → [job <paramref name="before"/>] → call activity <c>call</c> of <paramref name="calledId"/> → job
    /// <paramref name="after"/> (or the end). With <paramref name="catchError"/> a boundary error <c>rejected</c> on the call leads to end
    /// <c>handled</c>; <paramref name="loop"/> makes the call a parallel multi-instance over <c>applicants</c>, collecting each called instance's <c>decision</c> in <c>decisions</c>.
    /// </summary>
    public static string Caller(string processId, string calledId, string? after = null, bool catchError = false, string? before = null,
        bool loop = false) => Head + $"""
          <bpmn:process id="{processId}" name="Caller {processId}" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
            {(before is null
                ? """<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="call" />"""
                : $"""
                  <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="prepare" />
                  <bpmn:serviceTask id="prepare"><bpmn:extensionElements><zeebe:taskDefinition type="{before}" /></bpmn:extensionElements><bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>fp</bpmn:outgoing></bpmn:serviceTask>
                  <bpmn:sequenceFlow id="fp" sourceRef="prepare" targetRef="call" />
                  """)}
            <bpmn:callActivity id="call" name="Call {calledId}">
              <bpmn:extensionElements><zeebe:calledElement processId="{calledId}" propagateAllChildVariables="{(loop ? "false" : "true")}" />
              </bpmn:extensionElements>
              {(loop ? """<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=applicants" inputElement="applicant" outputCollection="decisions" outputElement="=decision" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>""" : "")}
              <bpmn:incoming>{(before is null ? "f0" : "fp")}</bpmn:incoming><bpmn:outgoing>f1</bpmn:outgoing>
            </bpmn:callActivity>
            {(after is null
                ? """<bpmn:sequenceFlow id="f1" sourceRef="call" targetRef="end" />"""
                : $"""
                  <bpmn:sequenceFlow id="f1" sourceRef="call" targetRef="next" />
                  <bpmn:serviceTask id="next"><bpmn:extensionElements><zeebe:taskDefinition type="{after}" /></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
                  <bpmn:sequenceFlow id="f2" sourceRef="next" targetRef="end" />
                  """)}
            <bpmn:endEvent id="end"><bpmn:incoming>{(after is null ? "f1" : "f2")}</bpmn:incoming></bpmn:endEvent>
            {(catchError
                ? """
                  <bpmn:boundaryEvent id="onRejected" attachedToRef="call"><bpmn:outgoing>fe</bpmn:outgoing><bpmn:errorEventDefinition errorRef="e1" /></bpmn:boundaryEvent>
                  <bpmn:sequenceFlow id="fe" sourceRef="onRejected" targetRef="handled" />
                  <bpmn:endEvent id="handled"><bpmn:incoming>fe</bpmn:incoming></bpmn:endEvent>
                  """
                : "")}
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → user task <c>review</c> ("Review", group caseworker) → end.</summary>
    public static string Review(string processId) => Head + $"""
          <bpmn:process id="{processId}" name="Review {processId}" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" name="Review">
              <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="caseworker" /></bpmn:extensionElements>
              <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → job <paramref name="jobType"/> → error end event <c>rejected</c>.</summary>
    public static string Rejecting(string processId, string jobType) => Head + $"""
          <bpmn:process id="{processId}" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="inspect" />
            <bpmn:serviceTask id="inspect"><bpmn:extensionElements><zeebe:taskDefinition type="{jobType}" /></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
            <bpmn:sequenceFlow id="f2" sourceRef="inspect" targetRef="reject" />
            <bpmn:endEvent id="reject"><bpmn:incoming>f2</bpmn:incoming><bpmn:errorEventDefinition errorRef="e1" /></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → end: a called process that completes in the step that starts it, setting <c>checked</c>.</summary>
    public static string Immediate(string processId) => Head + $"""
          <bpmn:process id="{processId}" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="mark" />
            <bpmn:scriptTask id="mark"><bpmn:extensionElements><zeebe:script expression="=true" resultVariable="checked" /></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:scriptTask>
            <bpmn:sequenceFlow id="f2" sourceRef="mark" targetRef="end" />
            <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;
}
