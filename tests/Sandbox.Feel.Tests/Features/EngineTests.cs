using System.Text.Json.Nodes;

namespace Sandbox.Feel.Tests.Features;

public class EngineTests
{
    [Fact]
    public void Compile_SameText_ReturnsCachedExpression()
    {
        var engine = new FeelEngine();
        Assert.Same(engine.Compile("a + 1"), engine.Compile("a + 1"));
    }

    [Fact]
    public void Compile_WithCamundaPrefix_IgnoresEquals() =>
        Assert.True(FeelEngine.Default.Compile("=totalPrice > 100").IsTrue(new JsonObject { ["totalPrice"] = 150 }));

    [Theory]
    [InlineData("=a", true)]
    [InlineData("  =a", true)]
    [InlineData("a", false)]
    [InlineData(null, false)]
    public void IsExpression_DetectsPrefix(string? value, bool expected) => Assert.Equal(expected, FeelEngine.IsExpression(value));

    [Fact]
    public void ResolveProperty_EvaluatesExpressionsAndKeepsLiterals()
    {
        var variables = new JsonObject { ["min"] = 3 };
        Assert.Equal(3m, FeelEngine.Default.ResolveProperty("=min", variables).AsNumber());
        Assert.Equal("PT2H", FeelEngine.Default.ResolveProperty("PT2H", variables).AsString());
    }

    [Fact]
    public void Evaluate_FromManyThreads_GivesSameResults()
    {
        var expression = FeelEngine.Default.Compile("for x in 1..50 return x * n");
        var results = Enumerable.Range(0, 64).AsParallel()
            .Select(n => expression.Evaluate(new JsonObject { ["n"] = n }).AsList()![49].AsNumber())
            .ToArray();
        Assert.Equal(Enumerable.Range(0, 64).Select(n => (decimal?)(50 * n)), results);
    }

    [Fact]
    public void FormHideRule_FromFormJs_Evaluates()
    {
        var rule = FeelEngine.Default.Compile("={ loan: amount * 0.8, rest: income - loan }.rest < 0");
        Assert.True(rule.IsTrue(new JsonObject { ["amount"] = 1000, ["income"] = 500 }));
        Assert.False(rule.IsTrue(new JsonObject { ["amount"] = 100, ["income"] = 500 }));
    }
}
