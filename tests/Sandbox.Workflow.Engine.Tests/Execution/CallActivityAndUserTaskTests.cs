using System.Text.Json.Nodes;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.State;
using static Sandbox.Workflow.Engine.Tests.Bpmn;

namespace Sandbox.Workflow.Engine.Tests.Execution;

public class CallActivityAndUserTaskTests
{
    private sealed class Resolver(params string[] known) : IProcessResolver
    {
        public ProcessDefinition? Find(string processId) =>
            known.Contains(processId) ? TestModels.Deploy(TestModels.Wrap(Chain())) : null;
    }

    private static readonly string Call = Chain(("call", """<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="=childId" /></bpmn:extensionElements></bpmn:callActivity>"""));

    [Fact]
    public void CallActivity_RequestsTheChildWithVariablesAndResumesOnItsCompletion()
    {
        var run = new Harness(TestModels.Deploy(TestModels.Wrap(Call)), processes: new Resolver("child")).Start(new JsonObject { ["childId"] = "child", ["x"] = 1 });

        var request = Assert.Single(run.Last.Effects.OfType<CallActivityStartRequested>());
        Assert.Equal(("child", 1), (request.ProcessId, (int)request.Variables["x"]!));

        run.Do(new CompleteCallActivity(request.ElementInstanceKey, new JsonObject { ["decision"] = "yes" }));
        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal("yes", (string)run.Variables["decision"]!);
    }

    [Fact]
    public void CallActivity_ErrorPassedOnFromTheChild_IsCaughtOnTheCallActivity()
    {
        var model = Call + """<bpmn:boundaryEvent id="failed" attachedToRef="call"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>""" + End("failedEnd") + Flow("ff", "failed", "failedEnd");
        var run = new Harness(TestModels.Deploy(TestModels.Wrap(model))).Start(new JsonObject { ["childId"] = "child" });

        run.Do(new ThrowError(run.Last.Effects.OfType<CallActivityStartRequested>().Single().ElementInstanceKey, "REJECTED"));

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Contains(run.State.History, h => h.ElementId == "failedEnd");
        Assert.Single(run.Last.Effects.OfType<CallActivityCancelled>());
    }

    [Fact]
    public void CallActivity_WithoutPropagatingChildVariables_WritesOnlyItsOutputs()
    {
        var call = """<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child" propagateAllChildVariables="false" /><zeebe:ioMapping><zeebe:output source="=score" target="childScore" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:callActivity>""";
        var run = Harness.Run(Chain(("call", call)));

        run.Do(new CompleteCallActivity(run.Last.Effects.OfType<CallActivityStartRequested>().Single().ElementInstanceKey, new JsonObject { ["score"] = 9, ["noise"] = 1 }));

        Assert.Equal(9, (int)run.Variables["childScore"]!);
        Assert.False(run.Variables.ContainsKey("noise"));
    }

    [Fact]
    public void CallActivity_UnknownProcess_RaisesIncident()
    {
        var run = new Harness(TestModels.Deploy(TestModels.Wrap(Call)), processes: new Resolver()).Start(new JsonObject { ["childId"] = "missing" });

        Assert.Equal(IncidentKind.CalledProcessNotFound, run.Incident.Kind);
    }

    [Fact]
    public void UserTask_CarriesAssignmentScheduleAndForm()
    {
        var extensions = """
            <zeebe:userTask />
            <zeebe:formDefinition formId="apply-form" />
            <zeebe:assignmentDefinition assignee="=caseworker" candidateGroups="=[&quot;social&quot;, region]" candidateUsers="anna, bo" />
            <zeebe:taskSchedule dueDate="=now() + duration(&quot;P3D&quot;)" followUpDate="2026-02-01T09:00:00Z" />
            """;
        var run = Harness.Run(Chain(("review", User("review", extensions))), new JsonObject { ["caseworker"] = "eva", ["region"] = "north" });

        var task = Assert.Single(run.Last.Effects.OfType<UserTaskCreated>());
        Assert.Equal(("apply-form", "eva", "Task review"), (task.FormId, task.Assignee, task.Name));
        Assert.Equal(["social", "north"], task.CandidateGroups);
        Assert.Equal(["anna", "bo"], task.CandidateUsers);
        Assert.Equal(Harness.Epoch.AddDays(3), task.DueDate);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero), task.FollowUpDate);
    }

    [Fact]
    public void UserTask_CompletedWithFormData_MergesIt()
    {
        var run = Harness.Run(Chain(("review", User("review")))).CompleteTask("review", new JsonObject { ["approved"] = true });

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.True((bool)run.Variables["approved"]!);
    }

    [Fact]
    public void CompleteJob_OnUserTask_IsRefused()
    {
        var run = Harness.Run(Chain(("review", User("review"))));

        Assert.Throws<WorkflowCommandException>(() => run.Do(new CompleteJob(run.Task("review").Key)));
    }
}
