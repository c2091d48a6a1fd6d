namespace Sandbox.Workflow.Engine.Tests.Parsing;

public class TestdataParsingTests
{
    [Theory]
    [InlineData("c8jssdk-Client-MessageStart.bpmn", "Process_1tbhm8x")]
    [InlineData("c8jssdk-Client-ThrowError.bpmn", "throw-bpmn-error")]
    [InlineData("c8jssdk-test-tasks-query.bpmn", "test-tasks-query")]
    [InlineData("ticketbooking-ticket-booking.bpmn", "ticket-booking")]
    [InlineData("zbcsharpacc-process.bpmn", "Process_ApplicationFullfillment")]
    [InlineData("zpt-test_timer_events.bpmn", "Process_Timer_Test_01")]
    [InlineData("zpt-timer-start-event-daily.bpmn", "timer-start-event-daily")]
    [InlineData("zsimplemonitor-ship-parcel.bpmn", "ship-parcel")]
    public void Deploy_ExecutableTestdataModel_GivesItsProcess(string file, string processId)
    {
        var result = TestModels.ParseFile(file);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(processId, Assert.Single(result.Processes).Id);
    }

    [Theory]
    [InlineData("miwg-A.1.0.bpmn", 1)]
    [InlineData("miwg-A.3.0.bpmn", 1)]
    [InlineData("miwg-B.1.0.bpmn", 4)]
    public void Deploy_NonExecutableReferenceModel_IsRejectedPerProcess(string file, int processes)
    {
        var result = TestModels.ParseFile(file);

        Assert.False(result.Succeeded);
        Assert.Equal(processes, result.Problems.Count);
        Assert.All(result.Problems, p =>
        {
            Assert.Equal("process", p.ElementType);
            Assert.Contains("not executable", p.Reason);
            Assert.True(p.Line > 0);
        });
    }

    [Fact]
    public void Deploy_SolosTransport_RejectsBusinessRuleTaskAndNothingSilently()
    {
        var result = TestModels.ParseFile("zeebeplay-solos-transport-process.bpmn");

        Assert.False(result.Succeeded);
        Assert.Empty(result.Processes);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("Activity_1yxzu88", "businessRuleTask", 198), (problem.ElementId, problem.ElementType, problem.Line));
        Assert.Contains("Business rule tasks", problem.Reason);
        Assert.True(problem.Line > 0);
    }
}
