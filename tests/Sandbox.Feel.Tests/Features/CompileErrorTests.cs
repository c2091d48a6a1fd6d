namespace Sandbox.Feel.Tests.Features;

public class CompileErrorTests
{
    [Theory]
    [InlineData("1 +", 1, 4, "ends too early")]
    [InlineData("a >\n  > 2", 2, 3, "Expected a value but found '>'")]
    [InlineData("\"open", 1, 1, "String is not closed")]
    [InlineData("[1, 2", 1, 6, "Expected ']'")]
    [InlineData("if a then b", 1, 12, "Expected 'else'")]
    [InlineData("a # b", 1, 3, "Unexpected character '#'")]
    [InlineData("@\"not a date\"", 1, 2, "is not a valid date")]
    [InlineData("(1 + 2", 1, 7, "Expected ')'")]
    [InlineData("1 2", 1, 3, "Unexpected number 2")]
    [InlineData("=a >", 1, 5, "ends too early")]
    public void Compile_InvalidText_ThrowsWithPosition(string text, int line, int column, string reason)
    {
        var error = Assert.Throws<FeelException>(() => new FeelEngine().Compile(text));
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(reason, error.Message);
        Assert.Equal(text, error.Expression);
    }

    [Fact]
    public void CompileUnaryTests_InvalidText_Throws() =>
        Assert.Throws<FeelException>(() => new FeelEngine().CompileUnaryTests("< "));
}
