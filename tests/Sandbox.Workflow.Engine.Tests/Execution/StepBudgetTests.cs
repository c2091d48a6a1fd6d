using System.Text.Json.Nodes;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.State;
using static Sandbox.Workflow.Engine.Tests.Bpmn;

namespace Sandbox.Workflow.Engine.Tests.Execution;

public class StepBudgetTests
{
    // start → a → b → a … with no wait state anywhere.
    private static readonly string Loop = string.Join("\n", Start(), """<bpmn:manualTask id="a" />""", Gateway("exclusive", "b"),
        Flow("f0", "start", "a"), Flow("f1", "a", "b"), Flow("f2", "b", "a"));

    [Fact]
    public void CycleWithoutWaitState_EndsInIncidentWithinTheBudget()
    {
        var run = new Harness(TestModels.Deploy(TestModels.Wrap(Loop)), stepBudget: 500).Start();

        Assert.Equal(InstanceStatus.Incident, run.Status);
        Assert.Equal(IncidentKind.StepBudgetExceeded, run.Incident.Kind);
        Assert.Equal(500, run.Last.Steps);
    }

    [Fact]
    public void ResolvingTheBudgetIncident_ContinuesAndStopsAgain()
    {
        var run = new Harness(TestModels.Deploy(TestModels.Wrap(Loop)), stepBudget: 100).Start();

        run.Do(new ResolveIncident(run.Incident.Key));

        Assert.Equal(IncidentKind.StepBudgetExceeded, run.Incident.Kind);
        Assert.Equal(100, run.Last.Steps);
    }

    [Fact]
    public void LoopThatCountsToAnEnd_CompletesWithinTheBudget()
    {
        var model = string.Join("\n", Start(),
            """<bpmn:scriptTask id="inc"><bpmn:extensionElements><zeebe:script expression="=n + 1" resultVariable="n" /></bpmn:extensionElements></bpmn:scriptTask>""",
            Gateway("exclusive", "more", "done"), End(),
            Flow("f0", "start", "inc"), Flow("f1", "inc", "more"), Flow("again", "more", "inc", "=n < 50"), Flow("done", "more", "end"));

        var run = Harness.Run(model, new JsonObject { ["n"] = 0 });

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(50m, (decimal)run.Variables["n"]!);
        Assert.InRange(run.Last.Steps, run.State.History.Count - 1, 2 * run.State.History.Count);
    }
}
