using System.Text.Json.Nodes;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Tests.Conformance;

// The executable testdata models, run to their end by completing their tasks and jobs and firing their timers.
public class TestdataRunTests
{
    private static Harness Open(string file) => new(TestModels.File1(file));

    [Fact]
    public void ShipParcel_ExpensiveOrder_TakesInsuredPath()
    {
        var run = Open("zsimplemonitor-ship-parcel.bpmn").Start(new JsonObject { ["totalPrice"] = 250 });
        Assert.Equal(["ServiceTask_1gi4zqn"], run.Active);
        Assert.Equal("true", Assert.Single(run.Last.Effects.OfType<JobCreated>()).Headers["transport-insurance"]);

        run.CompleteJob("ship-parcel");

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Contains(run.State.History, h => h.ElementId == "EndEvent_1hfc9sb");
    }

    [Fact]
    public void ShipParcel_CheapOrder_TakesDefaultPath()
    {
        var run = Open("zsimplemonitor-ship-parcel.bpmn").Start(new JsonObject { ["totalPrice"] = 50 }).CompleteJob("ship-parcel");

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Contains(run.State.History, h => h.ElementId == "EndEvent_0elt8f8");
    }

    [Theory]
    [InlineData(true, "EndEvent_ApplicationApproved")]
    [InlineData(false, "EndEvent_ApplicationDenied")]
    public void ApplicationFulfillment_RunsByApproval(bool approved, string end)
    {
        var run = Open("zbcsharpacc-process.bpmn").Start(new JsonObject { ["applicantName"] = "Kim" });
        var task = Assert.Single(run.Last.Effects.OfType<UserTaskCreated>());
        Assert.Equal(("demo", "camunda-forms:bpmn:userTaskForm_0oal3ou"), (task.Assignee, task.FormKey));
        Assert.Contains("\"approved\"", task.EmbeddedForm);

        run.CompleteTask("Task_AppoveUser", new JsonObject { ["approved"] = approved });
        if (approved) run.CompleteJob("accountService");

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Contains(run.State.History, h => h.ElementId == end);
    }

    [Fact]
    public void TasksQuery_UserTaskWithLinkedForm_Completes()
    {
        var run = Open("c8jssdk-test-tasks-query.bpmn").Start();
        Assert.Equal("test-basic-form", Assert.Single(run.Last.Effects.OfType<UserTaskCreated>()).FormId);

        run.CompleteTask("Activity_1nouls1", new JsonObject { ["name"] = "Ola" });

        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void MessageStart_StartsAtTheMessageStartEventAndCompletes()
    {
        var definition = TestModels.File1("c8jssdk-Client-MessageStart.bpmn");
        var start = Assert.Single(definition.MessageStartEvents);
        Assert.Equal("MSG-START_JOB", start.Message!.Name);

        var run = new Harness(definition).Start(new JsonObject { ["payload"] = 1 }, start.Id);
        Assert.Equal(5, Assert.Single(run.Last.Effects.OfType<JobCreated>()).Retries);
        run.CompleteJob("console-log-msg-start");

        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void ThrowError_ErrorFromSubProcessJob_IsCaughtOnTheSubProcessAndMapped()
    {
        var run = Open("c8jssdk-Client-ThrowError.bpmn").Start();
        var job = run.Job("throw-bpmn-error-task");

        run.Do(new ThrowError(job.Key, "BUSINESS_ERROR", "Well, that did not go well", new JsonObject { ["something"] = "someValue" }));
        Assert.Equal(["Task_1h8n9x5"], run.Active);
        Assert.Equal("someValue", (string)run.Variables["something"]!);

        run.CompleteJob("sad-flow");
        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.True(run.State.History.Single(h => h.ElementId == "SubProcess_0kmfk49").Terminated);
    }

    [Fact]
    public void TimerEvents_FastBranchTerminatesTheSlowOne()
    {
        var run = Open("zpt-test_timer_events.bpmn").Start();
        Assert.Equal(Harness.Epoch.AddDays(30), Assert.Single(run.State.Timers()).DueAt);

        run.CompleteJob("SimpleLog01");
        Assert.Equal(2, run.State.Timers().Count());
        run.FireNextTimer();

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(Harness.Epoch.AddSeconds(1), run.State.EndedAt);
        Assert.True(run.State.History.Single(h => h.ElementId == "TimerEvent_Wait30d").Terminated);
        Assert.Empty(run.State.Subscriptions);
    }

    [Fact]
    public void TimerStartDaily_HostSchedulesEveryDayAndEachInstanceCompletes()
    {
        var definition = TestModels.File1("zpt-timer-start-event-daily.bpmn");
        var start = Assert.Single(definition.TimerStartEvents);
        var due = TimerSchedule.Resolve(start.Timer!, Sandbox.Feel.FeelEngine.Default, null, Harness.Epoch);
        Assert.Equal((Harness.Epoch.AddDays(1), -1, "P1D"), (due.DueAt, due.Repetitions, due.Interval));

        var run = new Harness(definition);
        run.Clock.SetUtcNow(due.DueAt);
        run.Start(startEventId: start.Id);

        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void TicketBooking_HappyPath_RunsThroughPayment()
    {
        var run = Open("ticketbooking-ticket-booking.bpmn").Start();
        run.CompleteJob("reserve-seats", new JsonObject { ["reservationId"] = "r1" });
        run.CompleteJob("retrieve-payment", new JsonObject { ["paymentRequestId"] = "pay-7" });
        Assert.Equal(["Activity_0h19mxb"], run.Active);
        Assert.Single(run.State.Timers());

        run.Correlate("msg-payment-received", "pay-7", new JsonObject { ["paymentConfirmationId"] = "c1" });
        run.CompleteJob("generate-ticket", new JsonObject { ["ticketId"] = "t1" });

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Contains(run.State.History, h => h.ElementId == "Event_1mqmjv4");
    }

    [Fact]
    public void TicketBooking_PaymentTimesOut_EndsCancelled()
    {
        var run = Open("ticketbooking-ticket-booking.bpmn").Start();
        run.CompleteJob("reserve-seats").CompleteJob("retrieve-payment", new JsonObject { ["paymentRequestId"] = "pay-8" });

        run.FireNextTimer();

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(Harness.Epoch.AddSeconds(30), run.State.EndedAt);
        Assert.Contains(run.State.History, h => h.ElementId == "Event_05eni0s");
    }

    [Fact]
    public void TicketBooking_SeatsNotAvailable_EndsCancelled()
    {
        var run = Open("ticketbooking-ticket-booking.bpmn").Start();

        run.Do(new ThrowError(run.Job("reserve-seats").Key, "ErrorSeatsNotAvailable"));

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Contains(run.State.History, h => h.ElementId == "Event_1ne48r4");
    }
}
