namespace Sandbox.Feel.Tests.Features;

/// <summary>Untrusted expressions must end with a compile error, a limit error or null; never a crash or a hang.</summary>
public class HostileInputTests
{
    private static readonly FeelEngine Engine = new();

    [Theory]
    [InlineData("(", ")")]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    [InlineData("-", "")]
    [InlineData("not(", ")")]
    [InlineData("if true then ", " else 0")]
    public void DeepNesting_IsRejectedAtCompile(string open, string close)
    {
        var text = string.Concat(Enumerable.Repeat(open, 3_000)) + "1" + string.Concat(Enumerable.Repeat(close, 3_000));
        var error = Assert.ThrowsAny<FeelException>(() => Engine.Compile(text));
        Assert.Contains("nested deeper", error.Message);
    }

    [Theory]
    [InlineData(" + 1")]
    [InlineData(" * 1")]
    [InlineData(" ** 1")]
    [InlineData(" or 1")]
    [InlineData(" and 1")]
    [InlineData(" = 1")]
    [InlineData(".a")]
    [InlineData("[1]")]
    [InlineData("(1)")]
    public void LongOperatorChain_IsRejectedAtCompile(string link)
    {
        var text = "1" + string.Concat(Enumerable.Repeat(link, 10_000));
        Assert.Contains("nested deeper", Assert.ThrowsAny<FeelException>(() => Engine.Compile(text)).Message);
    }

    [Fact]
    public void ModerateNesting_StillCompiles() =>
        Assert.Equal(1m, Engine.Compile(new string('(', 40) + "1" + new string(')', 40)).Evaluate().AsNumber());

    [Fact]
    public void OverlongText_IsRejected() =>
        Assert.Throws<FeelException>(() => Engine.Compile("\"" + new string('x', 200_000) + "\""));

    [Fact]
    public void HugeRange_HitsCollectionLimit() =>
        Assert.Throws<FeelLimitException>(() => Engine.Evaluate("for i in 1..1000000000 return i"));

    [Fact]
    public void NestedLoops_HitStepLimit() =>
        Assert.Throws<FeelLimitException>(() => Engine.Evaluate("count(for i in 1..10000, j in 1..10000 return 1)"));

    [Fact]
    public void QuantifierOverHugeProduct_HitsStepLimit() =>
        Assert.Throws<FeelLimitException>(() => Engine.Evaluate("every i in 1..50000, j in 1..50000 satisfies i > 0"));

    [Fact]
    public void UnboundedRecursion_HitsCallDepthLimit() =>
        Assert.Throws<FeelLimitException>(() => Engine.Evaluate("{f: function(n) f(n + 1), r: f(0)}.r"));

    [Fact]
    public void StringDoubling_HitsStringLimit() =>
        Assert.Throws<FeelLimitException>(() => Engine.Evaluate("{f: function(s, n) if n = 0 then s else f(s + s, n - 1), r: f(\"x\", 40)}.r"));

    [Fact]
    public void ListDoubling_HitsCollectionLimit() =>
        Assert.Throws<FeelLimitException>(() =>
            Engine.Evaluate("{f: function(l, n) if n = 0 then l else f(concatenate(l, l), n - 1), r: count(f([1], 40))}.r"));

    [Fact]
    public void CatastrophicRegex_GivesNullWithinTimeout()
    {
        var engine = new FeelEngine(new FeelEngineOptions { RegexTimeout = TimeSpan.FromMilliseconds(50) });
        var result = engine.Evaluate("matches(s, \"^(a+)+$\")", new System.Text.Json.Nodes.JsonObject { ["s"] = new string('a', 40) + "!" });
        Assert.True(result.IsNull);
    }

    [Theory]
    [InlineData("{xs: for i in 1..50000 return i, r: for j in 1..50000 return list contains(xs, j)}")]
    [InlineData("{xs: for i in 1..50000 return i, r: for j in 1..50000 return xs = [j]}")]
    [InlineData("{xs: for i in 1..50000 return i, r: for j in 1..50000 return j in xs}")]
    [InlineData("{s: string join(for i in 1..50000 return \"xxxxxxxxxx\"), r: for j in 1..50000 return contains(s, \"y\")}")]
    [InlineData("{s: string join(for i in 1..1000 return \"xxxxxxxxxx\"), r: for j in 1..50000 return string length(s + s)}")]
    public void QuadraticWork_OverLargeValues_HitsStepLimit(string expression) =>
        Assert.Throws<FeelLimitException>(() => Engine.Evaluate(expression));

    [Fact]
    public void LargeContext_IsBuiltAndReadInLinearTime()
    {
        var result = Engine.Evaluate("get value(context(for i in 1..50000 return {key: string(i), value: i}), \"49999\")");
        Assert.Equal(49999m, result.AsNumber());
    }

    [Theory]
    [InlineData("count(distinct values(for i in 1..50000 return [i, i]))")]
    [InlineData("count(distinct values(for i in 1..50000 return {a: i, b: 1}))")]
    [InlineData("count(union(for i in 1..25000 return [i, 0], for i in 1..25000 return [i, 0]))")]
    public void DistinctValues_OverManyCompoundItems_StaysLinear(string expression) =>
        Assert.True(Engine.Evaluate(expression).AsNumber() is 50000m or 25000m);

    [Fact]
    public void RepeatedCatastrophicRegex_StopsAfterFewTimeouts()
    {
        var engine = new FeelEngine(new FeelEngineOptions { RegexTimeout = TimeSpan.FromMilliseconds(20) });
        var variables = new System.Text.Json.Nodes.JsonObject { ["s"] = new string('a', 40) + "!" };
        Assert.Throws<FeelLimitException>(() => engine.Evaluate("for i in 1..1000 return matches(s, \"^(a+)+$\")", variables));
    }

    [Fact]
    public void LongStringInput_IsHandled()
    {
        var text = new string('a', 500_000);
        var result = Engine.Evaluate("string length(s) + count(split(s, \"b\"))", new System.Text.Json.Nodes.JsonObject { ["s"] = text });
        Assert.Equal(500_001m, result.AsNumber());
    }

    [Fact]
    public void HugeListInput_IsFilteredWithinBudget()
    {
        var list = new System.Text.Json.Nodes.JsonArray(Enumerable.Range(0, 50_000).Select(i => (System.Text.Json.Nodes.JsonNode?)i).ToArray());
        var result = Engine.Evaluate("count(xs[item > 49990])", new System.Text.Json.Nodes.JsonObject { ["xs"] = list });
        Assert.Equal(9m, result.AsNumber());
    }

    [Theory]
    [InlineData("1e999999")]
    [InlineData("\"\\uZZZZ\"")]
    [InlineData("/* never closed")]
    [InlineData("@\"2024-13-01\"")]
    public void MalformedLiterals_AreCompileErrors(string text) => Assert.Throws<FeelException>(() => Engine.Compile(text));

    [Fact]
    public void Limits_AreConfigurable()
    {
        var engine = new FeelEngine(new FeelEngineOptions { MaxEvaluationSteps = 100 });
        Assert.Throws<FeelLimitException>(() => engine.Evaluate("for i in 1..1000 return i"));
    }

    [Fact]
    public void DeeplyNestedInput_EndsWithLimitError()
    {
        System.Text.Json.Nodes.JsonNode nested = new System.Text.Json.Nodes.JsonArray();
        for (var i = 0; i < 200_000; i++) nested = new System.Text.Json.Nodes.JsonArray(nested);
        var variables = new System.Text.Json.Nodes.JsonObject { ["x"] = nested };

        var error = Assert.Throws<FeelLimitException>(() => Engine.Evaluate("count(x)", variables));
        Assert.Contains("nested too deeply", error.Message);
    }
}
