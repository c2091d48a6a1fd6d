namespace Sandbox.Feel.Tests.Features;

public class ArithmeticTests
{
    [Theory]
    [InlineData("0.1 + 0.2", "0.3")]
    [InlineData("1.1 * 3", "3.3")]
    [InlineData("10 / 4", "2.5")]
    [InlineData("2 ** 10", "1024")]
    [InlineData("2 ** -1", "0.5")]
    [InlineData("-(3 - 5)", "2")]
    [InlineData("1.10 + 1", "2.1")]
    [InlineData("1e3 + 1", "1001")]
    public void Arithmetic_OnDecimals_IsExact(string expression, string expected) =>
        Assert.Equal(expected, Feel.Json(expression));

    [Theory]
    [InlineData("1 / 0")]
    [InlineData("1 + \"a\"")]
    [InlineData("true * 2")]
    [InlineData("79228162514264337593543950335 + 1")]
    [InlineData("missing + 1")]
    public void Arithmetic_WithInvalidOperands_ReturnsNull(string expression) =>
        Assert.True(Feel.Eval(expression).IsNull);

    [Fact]
    public void Add_TwoStrings_Concatenates() => Assert.Equal("\"ab\"", Feel.Json("\"a\" + \"b\""));

    [Fact]
    public void Precedence_PowerBeforeProductBeforeSum() => Assert.Equal("19", Feel.Json("1 + 2 * 3 ** 2"));

    [Fact]
    public void Comments_AreIgnored() => Assert.Equal("3", Feel.Json("1 + // one\n 2 /* two */"));
}
