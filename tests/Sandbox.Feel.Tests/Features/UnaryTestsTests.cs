using System.Text.Json.Nodes;

namespace Sandbox.Feel.Tests.Features;

public class UnaryTestsTests
{
    [Theory]
    [InlineData("< 10", 5, true)]
    [InlineData("< 10", 10, false)]
    [InlineData("[1..5]", 5, true)]
    [InlineData("(1..5)", 5, false)]
    [InlineData("]1..5[", 4, true)]
    [InlineData("]1..5[, 9", 9, true)]
    [InlineData("1, 2, 3", 2, true)]
    [InlineData("not(1, 2)", 2, false)]
    [InlineData("not(1, 2)", 3, true)]
    [InlineData("-", 42, true)]
    [InlineData("(>= 3, < 10)", 5, true)]
    [InlineData("(< 3, > 10)", 5, false)]
    [InlineData("? > 3 and ? < 6", 4, true)]
    [InlineData(">= limit", 4, true)]
    public void UnaryTests_MatchNumbers(string tests, int input, bool expected) =>
        Assert.Equal(expected, FeelEngine.Default.CompileUnaryTests(tests).Matches(FeelValue.Number(input), Variables()));

    [Fact]
    public void UnaryTests_MatchStrings() =>
        Assert.True(FeelEngine.Default.CompileUnaryTests("\"a\", \"b\"").Matches(JsonValue.Create("b")));

    [Fact]
    public void UnaryTests_WithTypeMismatch_AreUndecided() =>
        Assert.Null(FeelEngine.Default.CompileUnaryTests("< 10").Test(FeelValue.String("x")));

    private static JsonObject Variables() => new() { ["limit"] = 3 };
}
