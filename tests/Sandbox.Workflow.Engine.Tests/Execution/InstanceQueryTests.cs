using System.Text.Json;
using System.Text.Json.Nodes;
using Sandbox.Workflow.Engine.Execution;
using static Sandbox.Workflow.Engine.Tests.Bpmn;

namespace Sandbox.Workflow.Engine.Tests.Execution;

public class InstanceQueryTests
{
    [Fact]
    public void VisibleVariables_InnerScopeHidesOuter_AndScopesAreListedByKey()
    {
        var sub = $"""<bpmn:subProcess id="sub"><bpmn:extensionElements>{Mapping(Input("=\"inner\"", "who"))}</bpmn:extensionElements>{ChainIn("s", ("t", Service("t")))}</bpmn:subProcess>""";
        var run = Harness.Run(Chain(("sub", sub)), new JsonObject { ["who"] = "outer", ["shared"] = 1 });
        var job = run.Job("t");

        var visible = run.State.VisibleVariables(job.Key);
        var scopes = run.State.VariablesByScope();

        Assert.Equal(("inner", 1), ((string)visible["who"]!, (int)visible["shared"]!));
        Assert.Equal("outer", (string)scopes[1]["who"]!);
        Assert.Equal("inner", (string)scopes[job.ParentKey!.Value]["who"]!);
        Assert.Equal(["sub", "t"], run.Active);
    }

    [Fact]
    public void State_WritesEnumsAsNames()
    {
        var run = Harness.Run(Chain(("t", Service("t"))));

        var json = JsonSerializer.Serialize(run.State);

        Assert.Contains("\"Lifecycle\":\"Active\"", json);
        Assert.Contains("\"Kind\":\"ServiceTask\"", json);
    }

    [Fact]
    public void Collaboration_WithTwoExecutableProcesses_DeploysBoth()
    {
        var xml = """
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
              <bpmn:collaboration id="c"><bpmn:participant id="pa" processRef="a" /><bpmn:participant id="pb" processRef="b" /></bpmn:collaboration>
              <bpmn:process id="a" isExecutable="true"><bpmn:startEvent id="s1" /></bpmn:process>
              <bpmn:process id="b" isExecutable="true"><bpmn:startEvent id="s2" /></bpmn:process>
              <bpmn:process id="c2" isExecutable="false"><bpmn:startEvent id="s3" /></bpmn:process>
            </bpmn:definitions>
            """;

        var result = TestModels.Parse(xml);

        Assert.Equal(["a", "b"], result.Processes.Select(p => p.Id));
    }
}
