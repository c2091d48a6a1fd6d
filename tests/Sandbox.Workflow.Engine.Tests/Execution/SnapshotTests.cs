using System.Text.Json;
using System.Text.Json.Nodes;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.State;
using static Sandbox.Workflow.Engine.Tests.Bpmn;

namespace Sandbox.Workflow.Engine.Tests.Execution;

public class SnapshotTests
{
    [Fact]
    public void StateWithEveryPart_RoundTripsAndContinuesTheSame()
    {
        var loop = """<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1.5, 2]" inputElement="n" outputCollection="out" outputElement="=n * 2" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>""";
        var model = string.Join("", Start(), Gateway("parallel", "fork"), Service("multi", body: loop), Bpmn.TimerCatch("wait", "timeDuration", "P1D"),
            Gateway("parallel", "join"), Service("broken", extensions: Mapping(Input("=for i in 1..1000000 return for j in 1..1000000 return i", "x"))),
            Flow("f0", "start", "fork"), Flow("f1", "fork", "multi"), Flow("f2", "fork", "wait"), Flow("f3", "fork", "broken"),
            Flow("f4", "multi", "join"), Flow("f5", "wait", "join"));
        var run = Harness.Run(model, new JsonObject { ["name"] = "Åsa", ["nested"] = new JsonObject { ["list"] = new JsonArray(1, "two", null) } });
        run.Do(new CompleteJob(run.Job("multi").Key, new JsonObject { ["r"] = 0.1m }));
        Assert.NotEmpty(run.State.Incidents);
        Assert.NotEmpty(run.State.Subscriptions);

        var json = JsonSerializer.Serialize(run.State);
        var copy = JsonSerializer.Deserialize<InstanceState>(json)!;
        Assert.Equal(json, JsonSerializer.Serialize(copy));

        run.Clock.Advance(TimeSpan.FromDays(1));
        var fromOriginal = run.Engine.Execute(run.Definition, run.State, new FireTimer(run.State.Timers().First().Key));
        var fromCopy = run.Engine.Execute(run.Definition, copy, new FireTimer(copy.Timers().First().Key));
        Assert.Equal(JsonSerializer.Serialize(fromOriginal.State), JsonSerializer.Serialize(fromCopy.State));
        Assert.Equal(JsonSerializer.Serialize(fromOriginal.Effects), JsonSerializer.Serialize(fromCopy.Effects));
    }

    [Fact]
    public void SameStateAndCommand_GiveTheSameResult_AndAReplayOnTheNewStateIsRefused()
    {
        var run = Harness.Run(Chain(("a", Service("a")), ("b", User("b"))), new JsonObject { ["x"] = 1 });
        var command = new CompleteJob(run.Job("a").Key, new JsonObject { ["y"] = 2 });

        var first = run.Engine.Execute(run.Definition, run.State, command);
        var second = run.Engine.Execute(run.Definition, run.State, command);

        Assert.Equal(JsonSerializer.Serialize(first.State), JsonSerializer.Serialize(second.State));
        Assert.Equal(JsonSerializer.Serialize(first.Effects), JsonSerializer.Serialize(second.Effects));
        Assert.Throws<WorkflowCommandException>(() => run.Engine.Execute(run.Definition, first.State, command));
    }

    [Fact]
    public void Commands_RoundTripThroughJsonWithTheirType()
    {
        InstanceCommand command = new FailJob(7, 2, "timeout", TimeSpan.FromSeconds(30));

        var back = JsonSerializer.Deserialize<InstanceCommand>(JsonSerializer.Serialize(command));

        Assert.Equal(command, back);
    }
}
