using System.Text.Json.Nodes;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.State;
using static Sandbox.Workflow.Engine.Tests.Bpmn;

namespace Sandbox.Workflow.Engine.Tests.Execution;

public class EventSubProcessTests
{
    private static string TimerHandler(string id, bool interrupting, string duration) => $"""
        <bpmn:subProcess id="{id}" triggeredByEvent="true">
          <bpmn:startEvent id="{id}Start" isInterrupting="{interrupting.ToString().ToLowerInvariant()}"><bpmn:timerEventDefinition><bpmn:timeDuration>{duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
          <bpmn:serviceTask id="{id}Work"><bpmn:extensionElements><zeebe:taskDefinition type="{id}" /></bpmn:extensionElements></bpmn:serviceTask>
          <bpmn:sequenceFlow id="{id}Flow" sourceRef="{id}Start" targetRef="{id}Work" />
        </bpmn:subProcess>
        """;

    [Fact]
    public void InterruptingTimerEventSubProcess_InSubProcess_KeepsTheSubProcessBoundaryTimer()
    {
        var sub = $"""<bpmn:subProcess id="sub">{ChainIn("s", ("review", User("review")))}{TimerHandler("late", true, "P1D")}</bpmn:subProcess>""";
        var boundary = """<bpmn:boundaryEvent id="deadline" attachedToRef="sub"><bpmn:timerEventDefinition><bpmn:timeDuration>P10D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>""";
        var run = Harness.Run(Chain(("sub", sub)) + boundary + End("expired") + Flow("fx", "deadline", "expired"));
        Assert.Equal(2, run.State.Timers().Count());

        run.FireNextTimer();

        Assert.Equal(["sub", "late", "lateWork"], run.Active);
        Assert.True(run.State.History.Single(h => h.ElementId == "review").Terminated);
        Assert.Equal("deadline", Assert.Single(run.State.Timers()).ElementId);

        run.CompleteJob("late");
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void NonInterruptingTimerEventSubProcess_RunsBesideTheFlow()
    {
        var run = Harness.Run(Chain(("review", User("review"))) + TimerHandler("remind", false, "PT8H"));

        run.FireNextTimer();

        Assert.Equal(["review", "remind", "remindWork"], run.Active);
        run.CompleteJob("remind").CompleteTask("review");
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void EventSubProcessKeyFailsAtStart_FlowStartsAndResolvingOpensTheSubscription()
    {
        var handler = """<bpmn:subProcess id="onNote" triggeredByEvent="true"><bpmn:startEvent id="ns" isInterrupting="false"><bpmn:messageEventDefinition messageRef="n" /></bpmn:startEvent><bpmn:endEvent id="ne" /><bpmn:sequenceFlow id="nf" sourceRef="ns" targetRef="ne" /></bpmn:subProcess>""";
        var run = Harness.Run(Chain(("review", User("review"))) + handler, extra: Message("n", "note", "=caseId"));
        Assert.Equal((IncidentKind.ExpressionError, "p"), (run.Incident.Kind, run.Incident.ElementId));
        Assert.Equal(["review"], run.Active);

        run.Do(new SetVariables(1, new JsonObject { ["caseId"] = "c9" }));
        run.Do(new ResolveIncident(run.Incident.Key));

        Assert.Equal(InstanceStatus.Active, run.Status);
        Assert.Single(run.State.MessageSubscriptions("note", "c9"));
    }

    [Fact]
    public void MessageThrowEvent_IsAJobForAWorker()
    {
        var send = """<bpmn:intermediateThrowEvent id="notify"><bpmn:extensionElements><zeebe:taskDefinition type="notify" /><zeebe:taskHeaders><zeebe:header key="template" value="received" /></zeebe:taskHeaders></bpmn:extensionElements><bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>""";
        var run = Harness.Run(Chain(("notify", send)));

        Assert.Equal("received", Assert.Single(run.Last.Effects.OfType<JobCreated>()).Headers["template"]);
        run.CompleteJob("notify");
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void ErrorInsideMultiInstanceSubProcess_IsCaughtOnTheMultiInstanceActivity()
    {
        var loop = """<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1, 2]" inputElement="n" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>""";
        var sub = $"""<bpmn:subProcess id="each">{loop}{ChainIn("s", ("check", Service("check")))}</bpmn:subProcess>""";
        var boundary = """<bpmn:boundaryEvent id="failed" attachedToRef="each"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>""";
        var run = Harness.Run(Chain(("each", sub)) + boundary + Service("fallback") + Flow("ff", "failed", "fallback"));

        run.Do(new ThrowError(run.Job("check").Key, "BAD"));

        Assert.Equal(["fallback"], run.Active);
        Assert.Equal(2, run.Last.Effects.OfType<JobCancelled>().Count());
    }

    [Fact]
    public void NestedInclusiveJoins_OuterWaitsForTheInner()
    {
        var inner = string.Join("", Gateway("inclusive", "in1"), Service("a"), Service("b"), Gateway("inclusive", "in2"),
            Flow("ia", "in1", "a", "=true"), Flow("ib", "in1", "b", "=true"), Flow("ja", "a", "in2"), Flow("jb", "b", "in2"));
        var model = string.Join("", Start(), Gateway("inclusive", "out1"), inner, Service("c"), Gateway("inclusive", "out2"), End(),
            Flow("f0", "start", "out1"), Flow("o1", "out1", "in1", "=true"), Flow("o2", "out1", "c", "=true"),
            Flow("o3", "in2", "out2"), Flow("o4", "c", "out2"), Flow("f9", "out2", "end"));
        var run = Harness.Run(model);

        run.CompleteJob("c").CompleteJob("a");
        Assert.Equal(["b"], run.Active);

        run.CompleteJob("b");
        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Single(run.State.History, h => h.ElementId == "out2");
    }
}
