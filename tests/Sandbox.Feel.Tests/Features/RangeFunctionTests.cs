namespace Sandbox.Feel.Tests.Features;

public class RangeFunctionTests
{
    [Theory]
    [InlineData("before(1, 10)", "true")]
    [InlineData("before(10, [1..10])", "false")]
    [InlineData("before([1..5), 5)", "true")]
    [InlineData("before([1..5], [5..10])", "false")]
    [InlineData("before([1..5), [5..10])", "true")]
    [InlineData("after([5..10], 1)", "true")]
    [InlineData("meets([1..5], [5..10])", "true")]
    [InlineData("met by([5..10], [1..5])", "true")]
    [InlineData("overlaps([1..5], [3..8])", "true")]
    [InlineData("overlaps([1..5), [5..8])", "false")]
    [InlineData("overlaps before([1..5], [3..8])", "true")]
    [InlineData("overlaps after([3..8], [1..5])", "true")]
    [InlineData("finishes(10, [1..10])", "true")]
    [InlineData("finished by([1..10], [5..10])", "true")]
    [InlineData("includes([1..10], 5)", "true")]
    [InlineData("includes([1..10], [4..6])", "true")]
    [InlineData("during(5, [1..10))", "true")]
    [InlineData("starts(1, [1..10])", "true")]
    [InlineData("started by([1..10], [1..5])", "true")]
    [InlineData("coincides([1..5], [1..5])", "true")]
    [InlineData("before(date(\"2024-01-01\"), [date(\"2024-02-01\")..date(\"2024-03-01\")])", "true")]
    [InlineData("before(1, \"a\")", "null")]
    [InlineData("meets(1, 2)", "null")]
    [InlineData("range(\"[1..10)\").end included", "false")]
    [InlineData("5 in range(\"(1..10]\")", "true")]
    [InlineData("before(5, range(\">= 10\"))", "true")]
    [InlineData("range(\"[1..a]\")", "null")]
    [InlineData("range(\"1 +\")", "null")]
    public void RangeFunction_FollowsDmnTable(string expression, string expected) =>
        Assert.Equal(expected, Feel.Json(expression));

    [Theory]
    [InlineData("range(\"[1..10)\")", "[1..10)")]
    [InlineData("range(\"<= 10\")", "<= 10")]
    [InlineData("range(\"> @\\\"2024-01-01\\\"\")", "> @\"2024-01-01\"")]
    public void Range_PrintsAsLiteral(string expression, string expected) => Assert.Equal(expected, Feel.Eval(expression).ToString());
}
