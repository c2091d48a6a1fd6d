namespace Sandbox.Feel.Tests.Features;

public class LogicAndComparisonTests
{
    [Theory]
    [InlineData("age >= 18 and distance > 4", """{"age": 20, "distance": 5}""", "true")]
    [InlineData("age >= 18 and distance > 4", """{"age": 17, "distance": 5}""", "false")]
    [InlineData("age >= 18 and distance > 4", """{"distance": 5}""", "null")]
    [InlineData("age >= 18 or distance > 4", """{"distance": 5}""", "true")]
    [InlineData("not(approved)", """{"approved": false}""", "true")]
    [InlineData("not(approved)", """{"approved": "yes"}""", "null")]
    public void Condition_OverVariables_FollowsThreeValuedLogic(string expression, string variables, string expected) =>
        Assert.Equal(expected, Feel.Json(expression, variables));

    [Theory]
    [InlineData("\"a\" < \"b\"", "true")]
    [InlineData("date(\"2024-01-01\") < date(\"2024-01-02\")", "true")]
    [InlineData("duration(\"P1D\") > duration(\"PT23H\")", "true")]
    [InlineData("1 < \"2\"", "null")]
    [InlineData("null = null", "true")]
    [InlineData("1 = null", "false")]
    [InlineData("1 != null", "true")]
    [InlineData("{a: 1} = {a: 1}", "true")]
    [InlineData("[1, 2] != [1, 3]", "true")]
    public void Comparison_ByType_ReturnsBooleanOrNull(string expression, string expected) =>
        Assert.Equal(expected, Feel.Json(expression));

    [Theory]
    [InlineData("if x > 1 then \"big\" else \"small\"", """{"x": 2}""", "\"big\"")]
    [InlineData("if x > 1 then \"big\" else \"small\"", """{}""", "\"small\"")]
    [InlineData("x between 1 and 5", """{"x": 5}""", "true")]
    [InlineData("x in [1..5)", """{"x": 5}""", "false")]
    [InlineData("x in (< 0, > 10)", """{"x": 11}""", "true")]
    [InlineData("x in [\"a\", \"b\"]", """{"x": "b"}""", "true")]
    [InlineData("x instance of number", """{"x": 1}""", "true")]
    [InlineData("x instance of string", """{"x": 1}""", "false")]
    public void ConditionalForms_Evaluate(string expression, string variables, string expected) =>
        Assert.Equal(expected, Feel.Json(expression, variables));
}
