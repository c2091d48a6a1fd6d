namespace Sandbox.Feel.Tests.Features;

public class BuiltinFunctionTests
{
    [Theory]
    [InlineData("substring(\"foobar\", 3)", "\"obar\"")]
    [InlineData("substring(\"foobar\", -3, 2)", "\"ba\"")]
    [InlineData("string length(\"a😀b\")", "3")]
    [InlineData("substring(\"a😀b😀c\", -1)", "\"c\"")]
    [InlineData("lower case(\"ABC\")", "\"abc\"")]
    [InlineData("substring before(\"foobar\", \"bar\")", "\"foo\"")]
    [InlineData("substring after(\"foobar\", \"ob\")", "\"ar\"")]
    [InlineData("replace(\"abcd\", \"(ab)|(a)\", \"[1=$1][2=$2]\")", "\"[1=ab][2=]cd\"")]
    [InlineData("ends with(\"foobar\", \"r\")", "true")]
    [InlineData("matches(\"0412345678\", \"^\\d{10}$\")", "true")]
    [InlineData("split(\"John Doe\", \"\\s\")", "[\"John\",\"Doe\"]")]
    [InlineData("split(\"abc\", \"\")", "null")]
    [InlineData("string join([\"a\", null, \"c\"], \", \")", "\"a, c\"")]
    [InlineData("string(1.50)", "\"1.5\"")]
    [InlineData("string(date(\"2024-01-31\"))", "\"2024-01-31\"")]
    [InlineData("number(\"1 000,5\", \" \", \",\")", "1000.5")]
    public void StringAndConversionFunctions_Work(string expression, string expected) =>
        Assert.Equal(expected, Feel.Json(expression));

    [Theory]
    [InlineData("list contains([1, 2], 2)", "true")]
    [InlineData("min(3, 1, 2)", "1")]
    [InlineData("max([\"a\", \"c\"])", "\"c\"")]
    [InlineData("mean([1, 2, 3, 4])", "2.5")]
    [InlineData("median([3, 1, 2])", "2")]
    [InlineData("product([2, 3])", "6")]
    [InlineData("all([true, true])", "true")]
    [InlineData("any([false, null])", "null")]
    [InlineData("sublist([1, 2, 3], 2, 1)", "[2]")]
    [InlineData("append([1], 2, 3)", "[1,2,3]")]
    [InlineData("concatenate([1], [2], [3])", "[1,2,3]")]
    [InlineData("insert before([1, 3], 2, 2)", "[1,2,3]")]
    [InlineData("remove([1, 2, 3], 2)", "[1,3]")]
    [InlineData("reverse([1, 2, 3])", "[3,2,1]")]
    [InlineData("index of([1, 2, 1], 1)", "[1,3]")]
    [InlineData("union([1, 2], [2, 3])", "[1,2,3]")]
    [InlineData("distinct values([1, 2, 1, [1, 2], [1, 2]])", "[1,2,[1,2]]")]
    [InlineData("distinct values([{a: 1, b: 2}, {b: 2, a: 1}, {a: 2}])", "[{\"a\":1,\"b\":2},{\"a\":2}]")]
    [InlineData("distinct values([time(\"10:00:00+01:00\"), time(\"09:00:00Z\")])", "[\"10:00:00+01:00\"]")]
    [InlineData("flatten([[1, [2]], 3])", "[1,2,3]")]
    [InlineData("sort([3, 1, 2])", "[1,2,3]")]
    [InlineData("sort([3, 1, 2], function(x, y) x > y)", "[3,2,1]")]
    [InlineData("list replace([2, 4, 7, 8], 3, 6)", "[2,4,6,8]")]
    [InlineData("list replace([2, 4, 7, 8], function(item, newItem) item < newItem, 5)", "[5,5,7,8]")]
    [InlineData("stddev(2, 4, 7, 5)", "2.081665999466132735282297707")]
    [InlineData("stddev([47])", "null")]
    [InlineData("mode([6, 1, 9, 6, 1])", "[1,6]")]
    [InlineData("mode([])", "[]")]
    [InlineData("is(1, 1)", "true")]
    [InlineData("is(date(\"2012-12-25\"), date and time(\"2012-12-25T00:00:00\"))", "false")]
    [InlineData("sum([])", "null")]
    [InlineData("mean([])", "null")]
    [InlineData("sum([1, \"a\"])", "null")]
    public void ListFunctions_Work(string expression, string expected) =>
        Assert.Equal(expected, Feel.Json(expression));

    [Theory]
    [InlineData("decimal(1.125, 2)", "1.12")]
    [InlineData("decimal(1.135, 2)", "1.14")]
    [InlineData("floor(-1.5)", "-2")]
    [InlineData("ceiling(1.01)", "2")]
    [InlineData("round up(-5.51, 1)", "-5.6")]
    [InlineData("round down(5.59, 1)", "5.5")]
    [InlineData("round half up(-5.5, 0)", "-6")]
    [InlineData("round half down(-5.5, 0)", "-5")]
    [InlineData("abs(-3)", "3")]
    [InlineData("modulo(-12, 5)", "3")]
    [InlineData("sqrt(16)", "4")]
    [InlineData("sqrt(-1)", "null")]
    [InlineData("sqrt(2)", "1.4142135623730950488016887242")]
    [InlineData("2 ** 0.5", "1.4142135623730951")]
    [InlineData("round up(5.5, 6176)", "5.5")]
    [InlineData("round up(5.5, 6177)", "null")]
    [InlineData("round down(5.5, -6111)", "0")]
    [InlineData("odd(5)", "true")]
    [InlineData("even(5)", "false")]
    [InlineData("odd(1.5)", "false")]
    [InlineData("even(-4)", "true")]
    public void NumericFunctions_Work(string expression, string expected) =>
        Assert.Equal(expected, Feel.Json(expression));

    [Theory]
    [InlineData("get value({a: 1}, \"a\")", "1")]
    [InlineData("get entries({a: 1})", """[{"key":"a","value":1}]""")]
    [InlineData("context put({a: 1}, \"b\", 2)", """{"a":1,"b":2}""")]
    [InlineData("context merge([{a: 1}, {a: 2, b: 3}])", """{"a":2,"b":3}""")]
    [InlineData("context put({x: 1, y: {a: 0}}, [\"y\", \"a\"], 2)", """{"x":1,"y":{"a":2}}""")]
    [InlineData("context([{key: \"a\", value: 1}, {key: \"a\", value: 2}])", "null")]
    [InlineData("context([{key: \"a\", value: 1}])", """{"a":1}""")]
    [InlineData("get or else(null, 5)", "5")]
    public void ContextFunctions_Work(string expression, string expected) =>
        Assert.Equal(expected, Feel.Json(expression));

    [Theory]
    [InlineData("substring(string: \"foobar\", start position: 2, length: 2)", "\"oo\"")]
    [InlineData("substring(length: 2, start position: 2, string: \"foobar\")", "\"oo\"")]
    [InlineData("substring(strin: \"foobar\", start position: 2)", "null")]
    [InlineData("substring(string: \"foobar\", string: \"x\")", "null")]
    [InlineData("{f: function(a, b) a - b}.f(b: 1, a: 5)", "4")]
    public void NamedArguments_BindByName(string expression, string expected) =>
        Assert.Equal(expected, Feel.Json(expression));

    [Theory]
    [InlineData("is defined(a)", """{"a": 1}""", "true")]
    [InlineData("is defined(a)", """{"a": null}""", "true")]
    [InlineData("is defined(a)", "{}", "false")]
    [InlineData("is defined(a.b)", """{"a": {"b": null}}""", "true")]
    [InlineData("is defined(a.c)", """{"a": {"b": 1}}""", "false")]
    [InlineData("is defined(x.y)", "{}", "false")]
    [InlineData("is defined(approved) and approved", """{"approved": true}""", "true")]
    [InlineData("is defined(1 + 1)", "{}", "true")]
    public void IsDefined_ChecksExistenceNotValue(string expression, string variables, string expected) =>
        Assert.Equal(expected, Feel.Json(expression, variables));

    [Fact]
    public void Substring_CountsCodePoints() => Assert.Equal("😀b😀", Feel.Eval("substring(\"a😀b😀c\", 2, 3)").AsString());

    [Fact]
    public void UserFunction_CanRecurseThroughContext() =>
        Assert.Equal("120", Feel.Json("{fact: function(n) if n <= 1 then 1 else n * fact(n - 1), r: fact(5)}.r"));

    [Fact]
    public void Function_WithWrongArgumentCount_ReturnsNull() => Assert.True(Feel.Eval("substring(\"a\")").IsNull);
}
