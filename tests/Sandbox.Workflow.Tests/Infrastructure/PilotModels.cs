namespace Sandbox.Workflow.Tests.Infrastructure;

/// <summary>Small BPMN models for the pilot's features: notify tasks, forms on tasks, push-mode jobs.</summary>
public static class PilotModels
{
    private const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d1" targetNamespace="http://bpmn.io/schema/bpmn">
        """;

    /// <summary>A notify send task with the given headers, then a user task <c>review</c> ("Review") for <paramref name="candidateGroups"/>, then the end.</summary>
    public static string NotifyThenReview(string processId, string template, string? recipient = null, string candidateGroups = "caseworker") => Head + $"""
          <bpmn:process id="{processId}" name="School transport" isExecutable="true">
            <bpmn:startEvent id="start" name="Application received"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="tell" />
            <bpmn:sendTask id="tell" name="Confirm receipt">
              <bpmn:extensionElements>
                <zeebe:taskDefinition type="notify" />
                <zeebe:taskHeaders>
                  <zeebe:header key="template" value="{template}" />
                  {(recipient is null ? "" : $"<zeebe:header key=\"recipient\" value=\"{recipient}\" />")}
                </zeebe:taskHeaders>
              </bpmn:extensionElements>
              <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
            </bpmn:sendTask>
            <bpmn:sequenceFlow id="f2" sourceRef="tell" targetRef="review" />
            <bpmn:userTask id="review" name="Review">
              <bpmn:extensionElements>
                <zeebe:userTask />
                <zeebe:formDefinition formId="review-form" />
                <zeebe:assignmentDefinition candidateGroups="{candidateGroups}" />
                <zeebe:taskSchedule dueDate="=dueDate" />
                <zeebe:ioMapping><zeebe:output source="=decision" target="caseStatus" /></zeebe:ioMapping>
              </bpmn:extensionElements>
              <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end" name="Decided"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A service task of <paramref name="jobType"/> with a boundary error <c>rejected</c> leading to <c>refused</c>.</summary>
    public static string JobWithErrorBoundary(string processId, string jobType, int retries = 3) => Head + $"""
          <bpmn:error id="e1" name="Rejected" errorCode="rejected" />
          <bpmn:process id="{processId}" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:serviceTask id="check" name="Check">
              <bpmn:extensionElements>
                <zeebe:taskDefinition type="{jobType}" retries="{retries}" />
                <zeebe:taskHeaders><zeebe:header key="limit" value="4" /></zeebe:taskHeaders>
              </bpmn:extensionElements>
              <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:boundaryEvent id="onRejected" attachedToRef="check">
              <bpmn:outgoing>f3</bpmn:outgoing>
              <bpmn:errorEventDefinition errorRef="e1" />
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="accepted" />
            <bpmn:endEvent id="accepted"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="f3" sourceRef="onRejected" targetRef="refused" />
            <bpmn:endEvent id="refused"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A timer of <paramref name="duration"/>, then the end: each instance fires one timer.</summary>
    public static string TimerThenEnd(string processId, string duration) => Head + $"""
          <bpmn:process id="{processId}" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
              <bpmn:timerEventDefinition><bpmn:timeDuration>{duration}</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
            <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;
}
