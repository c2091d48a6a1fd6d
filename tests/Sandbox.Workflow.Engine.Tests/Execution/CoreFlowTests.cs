using System.Text.Json.Nodes;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Tests.Execution;

public class CoreFlowTests
{
    private const string Straight = """
        <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
        <bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="work" retries="2" /></bpmn:extensionElements></bpmn:serviceTask>
        <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
        <bpmn:endEvent id="end" />
        """;

    [Fact]
    public void Start_NoneStart_WaitsAtServiceTaskWithJob()
    {
        var run = Harness.Run(Straight, new JsonObject { ["a"] = 1 });

        Assert.Equal(InstanceStatus.Active, run.Status);
        Assert.Equal(["work"], run.Active);
        var job = Assert.Single(run.Last.Effects.OfType<JobCreated>());
        Assert.Equal(("work", 2), (job.Type, job.Retries));
        Assert.Equal(1, (int)run.State.VisibleVariables(job.ElementInstanceKey)["a"]!);
    }

    [Fact]
    public void CompleteJob_MergesVariablesAndEnds()
    {
        var run = Harness.Run(Straight).CompleteJob("work", new JsonObject { ["result"] = "ok" });

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal("ok", (string)run.Variables["result"]!);
        Assert.Empty(run.Active);
        Assert.Equal(["p", "start", "work", "end"], run.State.History.Select(h => h.ElementId));
        Assert.All(run.State.History, h => Assert.NotNull(h.LeftAt));
        Assert.Single(run.Last.Effects.OfType<InstanceCompleted>());
    }

    [Fact]
    public void FailJob_WithRetriesLeft_OffersJobAgainAfterBackoff()
    {
        var run = Harness.Run(Straight);
        var key = run.Job("work").Key;

        run.Do(new FailJob(key, 1, "down", TimeSpan.FromMinutes(5)));

        var again = Assert.Single(run.Last.Effects.OfType<JobCreated>());
        Assert.Equal((1, (DateTimeOffset?)Harness.Epoch.AddMinutes(5)), (again.Retries, again.AvailableAt));
        Assert.Equal(InstanceStatus.Active, run.Status);
    }

    [Fact]
    public void FailJob_NoRetriesLeft_RaisesIncidentThatResolveRetries()
    {
        var run = Harness.Run(Straight);
        var key = run.Job("work").Key;

        run.Do(new FailJob(key, 0, "down for good"));
        Assert.Equal(InstanceStatus.Incident, run.Status);
        Assert.Equal((IncidentKind.JobNoRetries, "down for good"), (run.Incident.Kind, run.Incident.Message));

        run.Do(new ResolveIncident(run.Incident.Key, 3));
        Assert.Equal(3, Assert.Single(run.Last.Effects.OfType<JobCreated>()).Retries);
        run.CompleteJob("work");
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void Cancel_TerminatesEverythingAndWithdrawsJob()
    {
        var run = Harness.Run(Straight).Do(new CancelInstance());

        Assert.Equal(InstanceStatus.Terminated, run.Status);
        Assert.Single(run.Last.Effects.OfType<JobCancelled>());
        Assert.Single(run.Last.Effects.OfType<InstanceTerminated>());
        Assert.True(run.State.History.Single(h => h.ElementId == "work").Terminated);
    }

    [Fact]
    public void Execute_CommandForUnknownKey_Throws()
    {
        var run = Harness.Run(Straight);

        Assert.Throws<WorkflowCommandException>(() => run.Do(new CompleteJob(999)));
    }

    [Fact]
    public void Execute_LeavesGivenStateUnchanged()
    {
        var run = Harness.Run(Straight);
        var before = System.Text.Json.JsonSerializer.Serialize(run.State);

        run.Engine.Execute(run.Definition, run.State, new CompleteJob(run.Job("work").Key, new JsonObject { ["x"] = 1 }));

        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(run.State));
    }
}
