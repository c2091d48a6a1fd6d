using System.Text.Json.Nodes;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.State;
using static Sandbox.Workflow.Engine.Tests.Bpmn;

namespace Sandbox.Workflow.Engine.Tests.Execution;

public class MultiInstanceTests
{
    private static string Loop(bool sequential, string completion = "") => $"""
        <bpmn:multiInstanceLoopCharacteristics isSequential="{(sequential ? "true" : "false")}">
          <bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=applicants" inputElement="applicant" outputCollection="results" outputElement="=checked" /></bpmn:extensionElements>
          {completion}
        </bpmn:multiInstanceLoopCharacteristics>
        """;

    private static JsonObject Applicants(params string[] names) => new() { ["applicants"] = new JsonArray(names.Select(n => (JsonNode)n).ToArray()) };

    private static Harness RunCheck(bool sequential, JsonObject variables, string completion = "") =>
        Harness.Run(Chain(("check", Service("check", body: Loop(sequential, completion)))), variables);

    private static string ApplicantOf(Harness run, ElementInstance job) => (string)run.State.VisibleVariables(job.Key)["applicant"]!;

    [Fact]
    public void Parallel_StartsOneInstancePerItemAndCollectsOutputsInOrder()
    {
        var run = RunCheck(false, Applicants("a", "b", "c"));
        var jobs = run.Waiting(n => n.Id == "check").ToList();
        Assert.Equal(["a", "b", "c"], jobs.Select(j => ApplicantOf(run, j)));

        foreach (var job in jobs.AsEnumerable().Reverse())
        {
            run.Do(new CompleteJob(job.Key, new JsonObject { ["checked"] = ApplicantOf(run, job).ToUpperInvariant() }));
        }

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal("""["A","B","C"]""", run.Variables["results"]!.ToJsonString());
    }

    [Fact]
    public void Sequential_RunsOneAfterAnother()
    {
        var run = RunCheck(true, Applicants("a", "b"));
        var first = Assert.Single(run.Waiting(n => n.Id == "check"));
        Assert.Equal("a", ApplicantOf(run, first));
        Assert.Equal(1, (int)run.State.VisibleVariables(first.Key)["loopCounter"]!);

        run.Do(new CompleteJob(first.Key, new JsonObject { ["checked"] = 1 }));
        var second = Assert.Single(run.Waiting(n => n.Id == "check"));
        Assert.Equal("b", ApplicantOf(run, second));

        run.Do(new CompleteJob(second.Key, new JsonObject { ["checked"] = 2 }));
        Assert.Equal("[1,2]", run.Variables["results"]!.ToJsonString());
    }

    [Fact]
    public void CompletionCondition_EndsEarlyAndTerminatesTheRest()
    {
        var completion = """<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">=numberOfCompletedInstances &gt;= 2</bpmn:completionCondition>""";
        var run = RunCheck(false, Applicants("a", "b", "c", "d"), completion);
        var jobs = run.Waiting(n => n.Id == "check").ToList();

        run.Do(new CompleteJob(jobs[0].Key, new JsonObject { ["checked"] = true }));
        run.Do(new CompleteJob(jobs[3].Key, new JsonObject { ["checked"] = true }));

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal("[true,null,null,true]", run.Variables["results"]!.ToJsonString());
        Assert.Equal(2, run.State.History.Count(h => h.ElementId == "check" && h.Terminated));
    }

    [Fact]
    public void EmptyCollection_CompletesAtOnce()
    {
        var run = RunCheck(false, Applicants());

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal("[]", run.Variables["results"]!.ToJsonString());
    }

    [Fact]
    public void InputCollectionNotAList_RaisesIncident()
    {
        var run = RunCheck(false, new JsonObject { ["applicants"] = "nobody" });

        Assert.Equal(IncidentKind.ExpressionError, run.Incident.Kind);
        Assert.Contains("not a list", run.Incident.Message);
    }

    [Fact]
    public void MultiInstanceSubProcess_EachInstanceHasItsOwnScope()
    {
        var sub = $"""<bpmn:subProcess id="perItem">{Loop(false)}{ChainIn("s", ("check", Service("check")))}</bpmn:subProcess>""";
        var run = Harness.Run(Chain(("perItem", sub)), Applicants("x", "y"));
        var jobs = run.Waiting(n => n.Id == "check").ToList();
        Assert.Equal(["x", "y"], jobs.Select(j => ApplicantOf(run, j)));

        foreach (var job in jobs) run.Do(new CompleteJob(job.Key, new JsonObject { ["checked"] = ApplicantOf(run, job) + "!" }));

        Assert.Equal("""["x!","y!"]""", run.Variables["results"]!.ToJsonString());
    }
}
