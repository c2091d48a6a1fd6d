using static Sandbox.Workflow.Engine.Tests.Bpmn;

namespace Sandbox.Workflow.Engine.Tests.Parsing;

public class RejectionTests
{
    private static Sandbox.Workflow.Engine.Parsing.DeploymentProblem OnlyProblem(string process, string extra = "")
    {
        var result = TestModels.Parse(TestModels.Wrap(process, extra));
        Assert.Empty(result.Processes);
        return Assert.Single(result.Problems);
    }

    [Theory]
    [InlineData("""<bpmn:businessRuleTask id="x"><bpmn:extensionElements><zeebe:calledDecision decisionId="d" resultVariable="r" /></bpmn:extensionElements></bpmn:businessRuleTask>""", "businessRuleTask", "Business rule tasks")]
    [InlineData("""<bpmn:complexGateway id="x" />""", "complexGateway", "Complex gateways")]
    [InlineData("""<bpmn:intermediateCatchEvent id="x"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>""", "intermediateCatchEvent", "Signal events")]
    [InlineData("""<bpmn:scriptTask id="x" scriptFormat="groovy"><bpmn:script>x = 1</bpmn:script></bpmn:scriptTask>""", "scriptTask", "Inline scripts")]
    [InlineData("""<bpmn:serviceTask id="x" />""", "serviceTask", "zeebe:taskDefinition")]
    [InlineData("""<bpmn:serviceTask id="x"><bpmn:extensionElements><zeebe:taskDefinition type="t" /><zeebe:executionListeners /></bpmn:extensionElements></bpmn:serviceTask>""", "serviceTask", "zeebe:executionListeners")]
    [InlineData("""<bpmn:userTask id="x" isForCompensation="true" />""", "userTask", "Compensation")]
    [InlineData("""<bpmn:userTask id="x"><bpmn:standardLoopCharacteristics /></bpmn:userTask>""", "userTask", "Standard loops")]
    [InlineData("""<bpmn:intermediateCatchEvent id="x"><bpmn:timerEventDefinition><bpmn:timeCycle>0 0 * * *</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""", "intermediateCatchEvent", "cron expressions are not supported")]
    [InlineData("""<bpmn:intermediateCatchEvent id="x"><bpmn:timerEventDefinition><bpmn:timeDuration>soon</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""", "intermediateCatchEvent", "not an ISO 8601 duration")]
    [InlineData("""<bpmn:callActivity id="x" />""", "callActivity", "zeebe:calledElement")]
    public void UnsupportedOrIncomplete_IsRejectedWithElementTypeAndReason(string element, string type, string reason)
    {
        var problem = OnlyProblem(Start() + element);

        Assert.Equal(("x", type), (problem.ElementId, problem.ElementType));
        Assert.Contains(reason, problem.Reason);
        Assert.Equal(7, problem.Line);
    }

    [Fact]
    public void ProcessExtensions_VersionTagAndPropertiesAreAccepted_ListenersAreNot()
    {
        string Process(string extensions) => $"""
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d">
              <bpmn:process id="p" isExecutable="true"><bpmn:extensionElements>{extensions}</bpmn:extensionElements><bpmn:startEvent id="s" /></bpmn:process>
            </bpmn:definitions>
            """;

        Assert.True(TestModels.Parse(Process("""<zeebe:versionTag value="v1" /><zeebe:properties><zeebe:property name="a" value="b" /></zeebe:properties>""")).Succeeded);
        var problem = Assert.Single(TestModels.Parse(Process("<zeebe:executionListeners />")).Problems);
        Assert.Equal(("p", "process"), (problem.ElementId, problem.ElementType));
        Assert.Contains("zeebe:executionListeners", problem.Reason);
    }

    [Fact]
    public void StartForm_OnNoneStartEvent_IsKept()
    {
        var start = """<bpmn:startEvent id="start"><bpmn:extensionElements><zeebe:formDefinition formId="application" /></bpmn:extensionElements></bpmn:startEvent>""";

        var definition = TestModels.Deploy(TestModels.Wrap(start));

        Assert.Equal("application", definition["start"].StartForm!.FormId);
    }

    [Fact]
    public void Camunda7Extension_IsRejected()
    {
        var task = """<bpmn:userTask id="x" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"><bpmn:extensionElements><camunda:taskListener event="create" class="a.B" /></bpmn:extensionElements></bpmn:userTask>""";

        Assert.Contains("camunda.org/schema/1.0/bpmn", OnlyProblem(Start() + task).Reason);
    }

    [Fact]
    public void FeelSyntaxError_InCondition_IsRejectedOnTheFlow()
    {
        var model = string.Join("\n", Start(), Gateway("exclusive", "g", "f2"), End("a"), End("b"),
            Flow("f0", "start", "g"), Flow("f1", "g", "a", "=amount >"), Flow("f2", "g", "b"));

        var problem = OnlyProblem(model);

        Assert.Equal(("f1", "sequenceFlow"), (problem.ElementId, problem.ElementType));
        Assert.Contains("not valid FEEL", problem.Reason);
    }

    [Fact]
    public void GatewayFlowWithoutCondition_IsRejected()
    {
        var model = string.Join("\n", Start(), Gateway("exclusive", "g"), End("a"), End("b"),
            Flow("f0", "start", "g"), Flow("f1", "g", "a", "=true"), Flow("f2", "g", "b"));

        Assert.Contains("needs a condition", OnlyProblem(model).Reason);
    }

    [Fact]
    public void FlowIntoSubProcessChild_IsRejected()
    {
        var model = Start() + $"""<bpmn:subProcess id="sub">{ChainIn("s")}</bpmn:subProcess>""" + Flow("bad", "start", "send");

        Assert.Contains("cannot cross a subprocess boundary", OnlyProblem(model).Reason);
    }

    [Fact]
    public void CatchMessageWithoutCorrelationKey_IsRejected()
    {
        var model = Chain(("w", MessageCatch("w", "m")));

        Assert.Contains("correlationKey", OnlyProblem(model, """<bpmn:message id="m" name="n" />""").Reason);
    }

    [Fact]
    public void SeveralProblems_AreAllListed()
    {
        var result = TestModels.Parse(TestModels.Wrap(Start() + """<bpmn:serviceTask id="a" /><bpmn:complexGateway id="b" /><bpmn:sendTask id="c" />"""));

        Assert.Equal(["a", "b", "c"], result.Problems.Select(p => p.ElementId));
    }

    [Fact]
    public void ElementWithTheProcessId_IsRejected()
    {
        var problem = OnlyProblem(Start() + """<bpmn:userTask id="p" />""");

        Assert.Equal(("p", "userTask"), (problem.ElementId, problem.ElementType));
        Assert.Contains("same id", problem.Reason);
    }
}
