namespace Sandbox.Feel.Tests.Features;

public class IterationTests
{
    [Theory]
    [InlineData("for x in [1, 2, 3] return x * 2", "[2,4,6]")]
    [InlineData("for x in 1..3 return x", "[1,2,3]")]
    [InlineData("for x in [1, 2], y in [10, 20] return x + y", "[11,21,12,22]")]
    [InlineData("for x in [] return x", "[]")]
    [InlineData("for d in @\"2024-02-28\"..@\"2024-03-01\" return d", "[\"2024-02-28\",\"2024-02-29\",\"2024-03-01\"]")]
    [InlineData("for i in 1..3, j in i..3 return j", "[1,2,3,2,3,3]")]
    [InlineData("for i in 0..4 return if i = 0 then 1 else i * partial[-1]", "[1,1,2,6,24]")]
    [InlineData("{partial: 7, r: for i in 1..2 return partial}.r", "[[],[[]]]")]
    public void For_BuildsList(string expression, string expected) => Assert.Equal(expected, Feel.Json(expression));

    [Theory]
    [InlineData("some x in [1, 5] satisfies x > 3", "true")]
    [InlineData("some x in [1, 2] satisfies x > 3", "false")]
    [InlineData("every x in [4, 5] satisfies x > 3", "true")]
    [InlineData("every x in [1, 5] satisfies x > 3", "false")]
    [InlineData("every x in [] satisfies x > 3", "true")]
    public void Quantifier_DecidesOverItems(string expression, string expected) => Assert.Equal(expected, Feel.Json(expression));

    [Fact]
    public void Some_OverProcessVariables_MatchesBpmnGatewayCondition() =>
        Assert.Equal("true", Feel.Json("some item in cargo_items satisfies not(item.is_legal)",
            """{"cargo_items": [{"is_legal": true}, {"is_legal": false}]}"""));

    [Fact]
    public void Some_OverSeveralDomains_StopsAtFirstMatch()
    {
        var engine = new FeelEngine(new FeelEngineOptions { MaxEvaluationSteps = 1_000 });
        Assert.True(engine.Evaluate("some x in 1..50000, y in 1..50000 satisfies x + y > 1").IsTrue);
    }
}
