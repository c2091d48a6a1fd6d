using System.Text.Json.Nodes;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.State;
using static Sandbox.Workflow.Engine.Tests.Bpmn;

namespace Sandbox.Workflow.Engine.Tests.Execution;

public class TimerAndMessageTests
{
    private static string Boundary(string id, string attachedTo, string definition, bool interrupting = true) =>
        $"""<bpmn:boundaryEvent id="{id}" attachedToRef="{attachedTo}" cancelActivity="{(interrupting ? "true" : "false")}">{definition}</bpmn:boundaryEvent>""";

    private static string Timer(string kind, string value) =>
        $"<bpmn:timerEventDefinition><bpmn:{kind}>{value}</bpmn:{kind}></bpmn:timerEventDefinition>";

    [Theory]
    [InlineData("timeDuration", "PT2H", 2)]
    [InlineData("timeDuration", "=duration(\"PT\" + string(hours) + \"H\")", 5)]
    [InlineData("timeDate", "2026-01-05T18:00:00Z", 10)]
    [InlineData("timeCycle", "R3/PT4H", 4)]
    public void IntermediateTimer_IsScheduledFromTheClockAndFires(string kind, string value, int hours)
    {
        var run = Harness.Run(Chain(("wait", TimerCatch("wait", kind, value))), new JsonObject { ["hours"] = 5 });

        var scheduled = Assert.Single(run.Last.Effects.OfType<TimerScheduled>());
        Assert.Equal(Harness.Epoch.AddHours(hours), scheduled.DueAt);

        run.FireNextTimer();
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void FireTimer_BeforeItIsDue_IsRefused()
    {
        var run = Harness.Run(Chain(("wait", TimerCatch("wait", "timeDuration", "PT1H"))));
        run.Clock.Advance(TimeSpan.FromMinutes(59));

        Assert.Throws<WorkflowCommandException>(() => run.Do(new FireTimer(run.State.Timers().First().Key)));
    }

    [Fact]
    public void InterruptingTimerBoundary_CancelsTheTaskAndTakesTimeoutPath()
    {
        var model = Chain(("review", User("review"))) + Boundary("timeout", "review", Timer("timeDuration", "P14D"))
            + Service("escalate") + Flow("ft", "timeout", "escalate");
        var run = Harness.Run(model);

        run.FireNextTimer();

        Assert.Equal(["escalate"], run.Active);
        Assert.Single(run.Last.Effects.OfType<UserTaskCancelled>());
    }

    [Fact]
    public void BoundaryTimerExpressionFails_IncidentThenRetryCreatesTimerAndJobOnce()
    {
        var model = Chain(("work", Service("work"))) + Boundary("late", "work", Timer("timeDuration", "=deadline"));
        var run = Harness.Run(model);
        Assert.Equal(IncidentKind.ExpressionError, run.Incident.Kind);
        Assert.Empty(run.Effects.OfType<JobCreated>());

        run.Do(new SetVariables(1, new JsonObject { ["deadline"] = "PT5M" }));
        run.Do(new ResolveIncident(run.Incident.Key));

        Assert.Single(run.Effects.OfType<JobCreated>());
        Assert.Equal(Harness.Epoch.AddMinutes(5), Assert.Single(run.State.Timers()).DueAt);
        Assert.Equal(InstanceStatus.Active, run.Status);
    }

    [Fact]
    public void CompletingTheTask_CancelsItsBoundaryTimer()
    {
        var model = Chain(("review", User("review"))) + Boundary("timeout", "review", Timer("timeDuration", "P14D"));
        var run = Harness.Run(model).CompleteTask("review");

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Single(run.Last.Effects.OfType<TimerCancelled>());
        Assert.Empty(run.State.Subscriptions);
    }

    [Fact]
    public void NonInterruptingCycleBoundary_FiresEachRepetitionWhileTaskWaits()
    {
        var model = Chain(("review", User("review"))) + Boundary("remind", "review", Timer("timeCycle", "R3/P1D"), interrupting: false)
            + Service("nudge") + End("nudged") + Flow("fr", "remind", "nudge") + Flow("fn", "nudge", "nudged");
        var run = Harness.Run(model);

        for (var i = 0; i < 3; i++) run.FireNextTimer().CompleteJob("nudge");

        Assert.Empty(run.State.Timers());
        Assert.Equal(["review"], run.Active);
        Assert.Equal(3, run.State.History.Count(h => h.ElementId == "remind"));
        Assert.Equal(Harness.Epoch.AddDays(3), run.Clock.GetUtcNow());
        run.CompleteTask("review");
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void MessageCatch_OpensSubscriptionWithEvaluatedKeyAndMergesPayload()
    {
        var run = Harness.Run(Chain(("wait", MessageCatch("wait", "m"))), new JsonObject { ["caseId"] = 42 }, Message("m", "documents-received", "=caseId"));

        var opened = Assert.Single(run.Last.Effects.OfType<MessageSubscriptionOpened>());
        Assert.Equal(("documents-received", "42"), (opened.MessageName, opened.CorrelationKey));

        run.Correlate("documents-received", "42", new JsonObject { ["documents"] = 3 });

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(3, (int)run.Variables["documents"]!);
    }

    [Fact]
    public void ReceiveTaskWithMessageBoundary_InterruptsOnBoundaryMessage()
    {
        var model = Chain(("wait", """<bpmn:receiveTask id="wait" messageRef="m" />"""))
            + Boundary("withdrawn", "wait", """<bpmn:messageEventDefinition messageRef="w" />""") + Service("close") + Flow("fw", "withdrawn", "close");
        var run = Harness.Run(model, new JsonObject { ["id"] = "c1" }, Message("m", "answer", "=id") + Message("w", "withdraw", "=id"));
        Assert.Equal(2, run.State.Subscriptions.Count);

        run.Correlate("withdraw", "c1");

        Assert.Equal(["close"], run.Active);
        Assert.Empty(run.State.Subscriptions);
    }

    [Fact]
    public void NonInterruptingMessageBoundary_FiresEachTimeAndKeepsTheTask()
    {
        var model = Chain(("review", User("review"))) + Boundary("note", "review", """<bpmn:messageEventDefinition messageRef="n" />""", interrupting: false)
            + Service("file") + End("filed") + Flow("fn", "note", "file") + Flow("ff", "file", "filed");
        var run = Harness.Run(model, new JsonObject { ["id"] = "c1" }, Message("n", "note", "=id"));

        run.Correlate("note", "c1").Correlate("note", "c1");

        Assert.Equal(["review", "file", "file"], run.Active);
        run.CompleteTask("review");
        Assert.Empty(run.State.Subscriptions);
        run.CompleteJob("file").CompleteJob("file");
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void InterruptingMessageEventSubProcess_ReplacesTheMainFlow()
    {
        var handler = """<bpmn:subProcess id="onWithdraw" triggeredByEvent="true"><bpmn:startEvent id="ws"><bpmn:messageEventDefinition messageRef="w" /></bpmn:startEvent><bpmn:endEvent id="we" /><bpmn:sequenceFlow id="wf" sourceRef="ws" targetRef="we" /></bpmn:subProcess>""";
        var run = Harness.Run(Chain(("review", User("review"))) + handler, new JsonObject { ["id"] = "c1" }, Message("w", "withdraw", "=id"));

        run.Correlate("withdraw", "c1", new JsonObject { ["reason"] = "moved" });

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal("moved", (string)run.Variables["reason"]!);
        Assert.Single(run.Last.Effects.OfType<UserTaskCancelled>());
    }

    [Fact]
    public void NonInterruptingMessageEventSubProcess_RunsBesideTheMainFlow()
    {
        var handler = """<bpmn:subProcess id="onQuestion" triggeredByEvent="true"><bpmn:startEvent id="qs" isInterrupting="false"><bpmn:messageEventDefinition messageRef="q" /></bpmn:startEvent><bpmn:userTask id="answer" /><bpmn:sequenceFlow id="qf" sourceRef="qs" targetRef="answer" /></bpmn:subProcess>""";
        var run = Harness.Run(Chain(("review", User("review"))) + handler, new JsonObject { ["id"] = "c1" }, Message("q", "question", "=id"));

        run.Correlate("question", "c1", new JsonObject { ["text"] = "when?" });

        Assert.Equal(["review", "onQuestion", "answer"], run.Active);
        run.CompleteTask("answer").CompleteTask("review");
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void MessageStartEvent_StartsAtThatEvent()
    {
        var model = """<bpmn:startEvent id="byMessage"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>""" + Service("t") + End() + Flow("f1", "byMessage", "t") + Flow("f2", "t", "end");
        var definition = TestModels.Deploy(TestModels.Wrap(model, """<bpmn:message id="m" name="apply" />"""));
        Assert.Equal("apply", Assert.Single(definition.MessageStartEvents).Message!.Name);

        var run = new Harness(definition).Start(new JsonObject { ["form"] = "data" }, "byMessage");

        Assert.Equal(["t"], run.Active);
    }

    [Fact]
    public void TimerSchedule_DailyCycle_GivesEveryDay()
    {
        var due = TimerSchedule.Resolve(new Model.TimerDefinition(Model.TimerKind.Cycle, "R/P1D"), Sandbox.Feel.FeelEngine.Default, null, Harness.Epoch);

        Assert.Equal((Harness.Epoch.AddDays(1), -1), (due.DueAt, due.Repetitions));
        Assert.Equal(Harness.Epoch.AddDays(2), TimerSchedule.Next(due.Interval!, due.DueAt));
    }
}
