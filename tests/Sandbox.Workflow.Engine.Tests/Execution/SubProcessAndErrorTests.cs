using System.Text.Json.Nodes;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.State;
using static Sandbox.Workflow.Engine.Tests.Bpmn;

namespace Sandbox.Workflow.Engine.Tests.Execution;

public class SubProcessAndErrorTests
{
    private const string Errors = """<bpmn:error id="E1" errorCode="NOT_FOUND" /><bpmn:error id="E2" errorCode="OTHER" />""";

    private static string ErrorBoundary(string id, string attachedTo, string? errorRef = "E1") =>
        $"""<bpmn:boundaryEvent id="{id}" attachedToRef="{attachedTo}"><bpmn:errorEventDefinition {(errorRef is null ? "" : $"errorRef=\"{errorRef}\"")} /></bpmn:boundaryEvent>""";

    [Fact]
    public void SubProcess_RunsItsFlowAndThenContinues()
    {
        var sub = $"""<bpmn:subProcess id="sub">{ChainIn("s", ("t", Service("t")))}</bpmn:subProcess>""";
        var run = Harness.Run(Chain(("sub", sub), ("after", Service("after"))));
        Assert.Equal(["p", "start", "sub", "sstart", "t"], run.State.History.Select(h => h.ElementId));
        Assert.Equal(["sub", "t"], run.Active);

        run.CompleteJob("t");
        Assert.Equal(["after"], run.Active);
    }

    [Fact]
    public void ThrowError_CaughtByBoundaryOnTheTask_TakesErrorPath()
    {
        var model = Chain(("t", Service("t"))) + ErrorBoundary("caught", "t") + Service("handle") + Flow("fe", "caught", "handle");
        var run = Harness.Run(model, extra: Errors);

        run.Do(new ThrowError(run.Job("t").Key, "NOT_FOUND", "no such customer", new JsonObject { ["reason"] = "gone" }));

        Assert.Equal(["handle"], run.Active);
        Assert.Equal("gone", (string)run.Variables["reason"]!);
        Assert.True(run.State.History.Single(h => h.ElementId == "t").Terminated);
    }

    [Fact]
    public void ErrorEndEvent_PropagatesUpThroughNestedSubProcesses()
    {
        var inner = """<bpmn:subProcess id="inner"><bpmn:startEvent id="is" /><bpmn:endEvent id="boom"><bpmn:errorEventDefinition errorRef="E1" /></bpmn:endEvent><bpmn:sequenceFlow id="if" sourceRef="is" targetRef="boom" /></bpmn:subProcess>""";
        var outer = $"""<bpmn:subProcess id="outer"><bpmn:startEvent id="os" />{inner}<bpmn:endEvent id="oe" /><bpmn:sequenceFlow id="of1" sourceRef="os" targetRef="inner" /><bpmn:sequenceFlow id="of2" sourceRef="inner" targetRef="oe" /></bpmn:subProcess>""";
        var model = Chain(("outer", outer)) + ErrorBoundary("wrongCode", "outer", "E2") + ErrorBoundary("caught", "outer") + Service("handle")
            + Service("wrong") + Flow("fe", "caught", "handle") + Flow("fw", "wrongCode", "wrong");

        var run = Harness.Run(model, extra: Errors);

        Assert.Equal(["handle"], run.Active);
        Assert.True(run.State.History.Single(h => h.ElementId == "inner").Terminated);
        Assert.True(run.State.History.Single(h => h.ElementId == "outer").Terminated);
    }

    [Fact]
    public void ThrowError_CatchAllBoundary_CatchesAnyCode()
    {
        var model = Chain(("t", Service("t"))) + ErrorBoundary("any", "t", null) + Service("handle") + Flow("fe", "any", "handle");
        var run = Harness.Run(model, extra: Errors);

        run.Do(new ThrowError(run.Job("t").Key, "WHATEVER"));

        Assert.Equal(["handle"], run.Active);
    }

    [Fact]
    public void ThrowError_NothingCatches_RaisesIncident()
    {
        var run = Harness.Run(Chain(("t", Service("t"))));

        run.Do(new ThrowError(run.Job("t").Key, "NOT_FOUND", "customer 17 is gone"));

        Assert.Equal((IncidentKind.UnhandledError, "t"), (run.Incident.Kind, run.Incident.ElementId));
        Assert.Contains("'NOT_FOUND'", run.Incident.Message);
        Assert.Contains("customer 17 is gone", run.Incident.Message);
    }

    [Fact]
    public void ErrorEventSubProcess_CatchesErrorAndReplacesTheFlow()
    {
        var handler = """<bpmn:subProcess id="onError" triggeredByEvent="true"><bpmn:startEvent id="es"><bpmn:errorEventDefinition errorRef="E1" /></bpmn:startEvent><bpmn:serviceTask id="cleanup"><bpmn:extensionElements><zeebe:taskDefinition type="cleanup" /></bpmn:extensionElements></bpmn:serviceTask><bpmn:sequenceFlow id="ef" sourceRef="es" targetRef="cleanup" /></bpmn:subProcess>""";
        var run = Harness.Run(Chain(("t", Service("t"))) + handler, extra: Errors);

        run.Do(new ThrowError(run.Job("t").Key, "NOT_FOUND"));
        Assert.Equal(["onError", "cleanup"], run.Active);

        run.CompleteJob("cleanup");
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void TerminateEndEvent_InSubProcess_EndsOnlyTheSubProcess()
    {
        var sub = $"""<bpmn:subProcess id="sub">{Start("ss")}{Gateway("parallel", "fork")}{Service("slow")}<bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>{Flow("s1", "ss", "fork")}{Flow("s2", "fork", "slow")}{Flow("s3", "fork", "stop")}</bpmn:subProcess>""";
        var run = Harness.Run(Chain(("sub", sub), ("after", Service("after"))));

        Assert.Equal(["after"], run.Active);
        Assert.True(run.State.History.Single(h => h.ElementId == "slow").Terminated);
        Assert.False(run.State.History.Single(h => h.ElementId == "sub").Terminated);
    }

    [Fact]
    public void TerminateEndEvent_AtProcessLevel_CompletesInstanceAndTerminatesOthers()
    {
        var model = string.Join("\n", Start(), Gateway("parallel", "fork"), Service("slow"), """<bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>""",
            Flow("f0", "start", "fork"), Flow("f1", "fork", "slow"), Flow("f2", "fork", "stop"));

        var run = Harness.Run(model);

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Single(run.Last.Effects.OfType<JobCancelled>());
    }
}
