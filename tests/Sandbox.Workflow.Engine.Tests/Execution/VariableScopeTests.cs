using System.Text.Json.Nodes;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.State;
using static Sandbox.Workflow.Engine.Tests.Bpmn;

namespace Sandbox.Workflow.Engine.Tests.Execution;

public class VariableScopeTests
{
    [Fact]
    public void InputMapping_IsLocalToTheTaskAndVisibleToItsJob()
    {
        var task = Service("t", extensions: Mapping(Input("=customer.name", "name")));
        var run = Harness.Run(Chain(("t", task)), new JsonObject { ["customer"] = new JsonObject { ["name"] = "Astrid" } });

        var key = run.Job("t").Key;
        Assert.Equal("Astrid", (string)run.State.VisibleVariables(key)["name"]!);
        Assert.False(run.Variables.ContainsKey("name"));

        run.CompleteJob("t");
        Assert.False(run.Variables.ContainsKey("name"));
    }

    [Fact]
    public void JobVariables_WithoutOutputMapping_GoToTheProcessScope()
    {
        var sub = $"""<bpmn:subProcess id="sub">{ChainIn("s", ("t", Service("t")))}</bpmn:subProcess>""";
        var run = Harness.Run(Chain(("sub", sub))).CompleteJob("t", new JsonObject { ["score"] = 7 });

        Assert.Equal(7, (int)run.Variables["score"]!);
    }

    [Fact]
    public void JobVariables_UpdateTheNearestScopeThatHasThem()
    {
        var sub = $"""<bpmn:subProcess id="sub"><bpmn:extensionElements>{Mapping(Input("=0", "count"), Output("=count", "finalCount"))}</bpmn:extensionElements>{ChainIn("s", ("t", Service("t")))}</bpmn:subProcess>""";
        var run = Harness.Run(Chain(("sub", sub)), new JsonObject { ["count"] = 100 });

        run.CompleteJob("t", new JsonObject { ["count"] = 3 });

        Assert.Equal(100, (int)run.Variables["count"]!);
        Assert.Equal(3, (int)run.Variables["finalCount"]!);
    }

    [Fact]
    public void OutputMapping_KeepsJobVariablesLocalAndWritesOnlyTheMappedOnes()
    {
        var task = Service("t", extensions: Mapping(outputs: Output("=raw.total * 2", "order.total")));
        var run = Harness.Run(Chain(("t", task)), new JsonObject { ["order"] = new JsonObject { ["id"] = "A" } });

        run.CompleteJob("t", new JsonObject { ["raw"] = new JsonObject { ["total"] = 21 } });

        Assert.False(run.Variables.ContainsKey("raw"));
        Assert.Equal("A", (string)run.Variables["order"]!["id"]!);
        Assert.Equal(42m, (decimal)run.Variables["order"]!["total"]!);
    }

    [Fact]
    public void ScriptTask_WritesItsResultVariable()
    {
        var script = """<bpmn:scriptTask id="s"><bpmn:extensionElements><zeebe:script expression="=sum(items)" resultVariable="total" /></bpmn:extensionElements></bpmn:scriptTask>""";
        var run = Harness.Run(Chain(("s", script)), new JsonObject { ["items"] = new JsonArray(1, 2, 3) });

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(6m, (decimal)run.Variables["total"]!);
    }

    [Fact]
    public void InputMapping_FeelLimitError_RaisesExpressionIncident()
    {
        var task = Service("t", extensions: Mapping(Input("=for i in 1..1000000 return for j in 1..1000000 return i", "x")));
        var run = Harness.Run(Chain(("t", task)));

        Assert.Equal(InstanceStatus.Incident, run.Status);
        Assert.Equal(IncidentKind.ExpressionError, run.Incident.Kind);
    }
}
