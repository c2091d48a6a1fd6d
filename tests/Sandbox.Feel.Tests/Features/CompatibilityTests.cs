namespace Sandbox.Feel.Tests.Features;

/// <summary>Behaviour shared with feelin, the engine the form-js editor evaluates with.</summary>
public class CompatibilityTests
{
    [Theory]
    [InlineData("@\"15:00:00z\" = time(\"15:00:00Z\")", "true")]
    [InlineData("@\"15:00:00\" = time(\"15:00:00z\")", "false")]
    [InlineData("is(value1: @\"2021-02-13\")", "false")]
    [InlineData("get value({key+    +1 : \"value1\"}, \"key + + 1\")", "\"value1\"")]
    [InlineData("context put(context: {x: 1}, keys: [\"y\"], value: 2)", """{"x":1,"y":2}""")]
    [InlineData("split(\"foo🐎bar\", \"o.b\")", """["fo","ar"]""")]
    [InlineData("matches(\"😀\", \"^\\u{1F600}$\")", "true")]
    [InlineData("matches(\"abcd\", \"(asd)[\\1]\")", "null")]
    [InlineData("matches(\"a.c\", \".\", \"q\")", "true")]
    [InlineData("matches(\"abc\", \".\", \"q\")", "false")]
    public void Expression_BehavesAsInFeelin(string expression, string expected) =>
        Assert.Equal(expected, Feel.Json(expression));

    [Fact]
    public void ContextKey_WithOperators_PrintsQuoted() =>
        Assert.Equal("{\"a + 1\": false}", Feel.Eval("{a +    1: false}").ToString());
}
