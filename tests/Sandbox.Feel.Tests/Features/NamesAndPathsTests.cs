namespace Sandbox.Feel.Tests.Features;

public class NamesAndPathsTests
{
    [Fact]
    public void Name_WithSpaces_ResolvesVariable() =>
        Assert.Equal("\"Doe\"", Feel.Json("last name", """{"last name": "Doe"}"""));

    [Fact]
    public void Name_ContainingOf_ResolvesVariable() =>
        Assert.Equal("3", Feel.Json("number of children + 1", """{"number of children": 2}"""));

    [Theory]
    [InlineData("a + b", """{"a + b": 1}""", "1")]
    [InlineData("a+b", """{"a + b": 1}""", "1")]
    [InlineData("a  b c*d", """{"a b  c * d": 1}""", "1")]
    [InlineData("Mike's age + walt's age - average age", """{"Mike's age + walt's age": 90, "average age": 50}""", "40")]
    [InlineData("first-name", """{"first-name": "Ada"}""", "\"Ada\"")]
    [InlineData("a + b", """{"a": 1, "b": 2, "a + b": 10}""", "3")]
    public void Name_ContainingOperators_ResolvesWhenArithmeticCannot(string expression, string variables, string expected) =>
        Assert.Equal(expected, Feel.Json(expression, variables));

    [Fact]
    public void Name_InBackticks_ResolvesVariableWithKeyword() =>
        Assert.Equal("1", Feel.Json("`a and b`", """{"a and b": 1}"""));

    [Fact]
    public void Path_IntoNestedJson_ReturnsValue() =>
        Assert.Equal("\"Oslo\"", Feel.Json("applicant.address.city", """{"applicant": {"address": {"city": "Oslo"}}}"""));

    [Fact]
    public void Path_OnList_MapsOverItems() =>
        Assert.Equal("[1,2]", Feel.Json("children.age", """{"children": [{"age": 1}, {"age": 2}]}"""));

    [Fact]
    public void Filter_WithNumericPredicate_ReturnsMatchingItems() =>
        Assert.Equal("[4,5]", Feel.Json("[1, 2, 3, 4, 5][item > 3]"));

    [Fact]
    public void Filter_OverContexts_SeesEntriesByName() =>
        Assert.Equal("[\"b\"]", Feel.Json("xs[age >= 18].name", """{"xs": [{"name": "a", "age": 4}, {"name": "b", "age": 40}]}"""));

    [Theory]
    [InlineData("[1, 2, 3][1]", "1")]
    [InlineData("[1, 2, 3][-1]", "3")]
    [InlineData("[1, 2, 3][4]", "null")]
    public void Filter_WithIndex_ReturnsItem(string expression, string expected) =>
        Assert.Equal(expected, Feel.Json(expression));

    [Fact]
    public void Context_EntriesSeeEarlierEntries() =>
        Assert.Equal("""{"a":1,"b":2}""", Feel.Json("{a: 1, b: a + 1}"));

    [Fact]
    public void Context_WithStringKeys_Works() =>
        Assert.Equal("3", Feel.Json("{\"x y\": 3}.x y"));

    [Fact]
    public void Path_OnDate_ReturnsComponents() =>
        Assert.Equal("[2024,2,29,4]", Feel.Json("{d: date(\"2024-02-29\"), r: [d.year, d.month, d.day, d.weekday]}.r"));
}
