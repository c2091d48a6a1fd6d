using System.Text.Json.Nodes;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.State;
using static Sandbox.Workflow.Engine.Tests.Bpmn;

namespace Sandbox.Workflow.Engine.Tests.Execution;

public class GatewayTests
{
    private static readonly string Exclusive = string.Join("\n",
        Start(), Gateway("exclusive", "g", "fDefault"), Service("big"), Service("small"), Service("other"), End(),
        Flow("f0", "start", "g"),
        Flow("fBig", "g", "big", "=amount > 100"),
        Flow("fSmall", "g", "small", "=amount > 10"),
        Flow("fDefault", "g", "other"),
        Flow("e1", "big", "end"), Flow("e2", "small", "end"), Flow("e3", "other", "end"));

    [Theory]
    [InlineData(500, "big")]
    [InlineData(50, "small")]
    [InlineData(5, "other")]
    public void Exclusive_TakesFirstTrueConditionElseDefault(int amount, string expected)
    {
        var run = Harness.Run(Exclusive, new JsonObject { ["amount"] = amount });

        Assert.Equal([expected], run.Active);
    }

    [Fact]
    public void Exclusive_NoConditionHoldsAndNoDefault_RaisesIncident()
    {
        var model = string.Join("\n", Start(), Gateway("exclusive", "g"), Service("a"), Service("b"),
            Flow("f0", "start", "g"), Flow("fa", "g", "a", "=x = 1"), Flow("fb", "g", "b", "=x = 2"));

        var run = Harness.Run(model, new JsonObject { ["x"] = 3 });

        Assert.Equal(InstanceStatus.Incident, run.Status);
        Assert.Equal((IncidentKind.NoFlowTaken, "g"), (run.Incident.Kind, run.Incident.ElementId));
        Assert.Equal(["g"], run.Active);
    }

    [Fact]
    public void Exclusive_ConditionOnMissingVariable_RaisesIncidentThatResolvesAfterSettingIt()
    {
        var run = Harness.Run(Exclusive);
        Assert.Equal(IncidentKind.ExpressionError, run.Incident.Kind);
        Assert.Contains("not a boolean", run.Incident.Message);

        run.Do(new SetVariables(1, new JsonObject { ["amount"] = 1000 }));
        run.Do(new ResolveIncident(run.Incident.Key));

        Assert.Equal(InstanceStatus.Active, run.Status);
        Assert.Equal(["big"], run.Active);
    }

    private static readonly string Parallel = string.Join("\n",
        Start(), Gateway("parallel", "fork"), Service("a"), Service("b"), Service("c"), Gateway("parallel", "join"), Service("after"), End(),
        Flow("f0", "start", "fork"), Flow("fa", "fork", "a"), Flow("fb", "fork", "b"), Flow("fc", "fork", "c"),
        Flow("ja", "a", "join"), Flow("jb", "b", "join"), Flow("jc", "c", "join"), Flow("f1", "join", "after"), Flow("f2", "after", "end"));

    [Fact]
    public void Parallel_ForksAllBranchesAndJoinWaitsForEveryOne()
    {
        var run = Harness.Run(Parallel);
        Assert.Equal(["a", "b", "c"], run.Active.Order());

        run.CompleteJob("a").CompleteJob("c");
        Assert.Equal(["b"], run.Active);
        Assert.DoesNotContain(run.State.History, h => h.ElementId == "join");

        run.CompleteJob("b");
        Assert.Equal(["after"], run.Active);
        Assert.Single(run.State.History, h => h.ElementId == "join");
        run.CompleteJob("after");
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    private static readonly string Inclusive = string.Join("\n",
        Start(), Gateway("inclusive", "split", "fz"), Service("x"), Service("y"), Service("z"), Gateway("inclusive", "merge"), Service("after"), End(),
        Flow("f0", "start", "split"),
        Flow("fx", "split", "x", "=wantX"), Flow("fy", "split", "y", "=wantY"), Flow("fz", "split", "z"),
        Flow("jx", "x", "merge"), Flow("jy", "y", "merge"), Flow("jz", "z", "merge"), Flow("f1", "merge", "after"), Flow("f2", "after", "end"));

    [Fact]
    public void Inclusive_TakesEveryTrueFlowAndJoinWaitsOnlyForThose()
    {
        var run = Harness.Run(Inclusive, new JsonObject { ["wantX"] = true, ["wantY"] = true });
        Assert.Equal(["x", "y"], run.Active.Order());

        run.CompleteJob("x");
        Assert.Equal(["y"], run.Active);

        run.CompleteJob("y");
        Assert.Equal(["after"], run.Active);
    }

    [Fact]
    public void Inclusive_OneBranch_JoinFiresAtOnce()
    {
        var run = Harness.Run(Inclusive, new JsonObject { ["wantX"] = false, ["wantY"] = true });
        Assert.Equal(["y"], run.Active);

        run.CompleteJob("y");

        Assert.Equal(["after"], run.Active);
    }

    [Fact]
    public void Inclusive_NothingTrue_TakesDefault()
    {
        var run = Harness.Run(Inclusive, new JsonObject { ["wantX"] = false, ["wantY"] = false });

        Assert.Equal(["z"], run.Active);
    }

    private static readonly string EventBased = string.Join("\n",
        Start(), Gateway("eventBased", "race"), MessageCatch("paid", "m1"), TimerCatch("late", "timeDuration", "P3D"),
        Service("ship"), Service("remind"), End(), End("end2"),
        Flow("f0", "start", "race"), Flow("fm", "race", "paid"), Flow("ft", "race", "late"),
        Flow("f1", "paid", "ship"), Flow("f2", "late", "remind"), Flow("f3", "ship", "end"), Flow("f4", "remind", "end2"));

    [Fact]
    public void EventBased_MessageFirst_ClosesTimer()
    {
        var run = Harness.Run(EventBased, new JsonObject { ["order"] = "o-1" }, Message("m1", "payment", "=order"));
        Assert.Equal(["race"], run.Active);
        Assert.Single(run.State.Timers());

        run.Correlate("payment", "o-1", new JsonObject { ["paidAmount"] = 10 });

        Assert.Equal(["ship"], run.Active);
        Assert.Empty(run.State.Subscriptions);
        Assert.Single(run.Last.Effects.OfType<TimerCancelled>());
        Assert.Equal(10, (int)run.Variables["paidAmount"]!);
    }

    [Fact]
    public void EventBased_TimerFirst_ClosesMessageSubscription()
    {
        var run = Harness.Run(EventBased, new JsonObject { ["order"] = "o-1" }, Message("m1", "payment", "=order"));

        run.FireNextTimer();

        Assert.Equal(["remind"], run.Active);
        Assert.Single(run.Last.Effects.OfType<MessageSubscriptionClosed>());
        Assert.Equal(Harness.Epoch.AddDays(3), run.State.History.Single(h => h.ElementId == "late").EnteredAt);
    }
}
