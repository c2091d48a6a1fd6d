using System.Text.Json.Nodes;

namespace Sandbox.Feel.Tests.Features;

public class ConversionTests
{
    [Fact]
    public void Evaluate_OverClrDictionary_ConvertsValues()
    {
        var variables = new Dictionary<string, object?>
        {
            ["age"] = 20,
            ["income"] = 1234.5,
            ["born"] = new DateOnly(2000, 1, 2),
            ["tags"] = new[] { "a", "b" },
            ["address"] = new Dictionary<string, object?> { ["city"] = "Bergen" },
        };
        var result = FeelEngine.Default.Compile("[age + 1, income, born.year, count(tags), address.city]").Evaluate(variables);

        Assert.Equal(new List<object?> { 21m, 1234.5m, 2000m, 2m, "Bergen" }, result.ToClr());
    }

    [Fact]
    public void ToJsonNode_WritesTemporalValuesAsIsoText()
    {
        var json = Feel.Eval("{d: date(\"2024-01-02\"), t: duration(\"PT1H30M\"), ym: duration(\"P14M\")}").ToJsonNode();
        Assert.Equal("""{"d":"2024-01-02","t":"PT1H30M","ym":"P1Y2M"}""", json!.ToJsonString());
    }

    [Fact]
    public void ToClr_GivesClrTypes()
    {
        Assert.Equal(new DateOnly(2024, 1, 2), Feel.Eval("date(\"2024-01-02\")").ToClr());
        Assert.Equal(TimeSpan.FromMinutes(90), Feel.Eval("duration(\"PT1H30M\")").ToClr());
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)),
            Feel.Eval("date and time(\"2024-01-02T03:04:05+01:00\")").ToClr());
        Assert.Equal(new Dictionary<string, object?> { ["a"] = true }, Feel.Eval("{a: true}").ToClr());
    }

    [Fact]
    public void FromJson_ThenToJson_RoundTripsData()
    {
        var data = JsonNode.Parse("""{"a":[1,2.5,"x",true,null],"b":{"c":{}}}""");
        Assert.Equal(data!.ToJsonString(), FeelValue.FromJson(data).ToJsonNode()!.ToJsonString());
    }

    [Fact]
    public void ToString_WritesFeelLiteral() =>
        Assert.Equal("{a: [1, \"x\", @\"2024-01-02\"]}", Feel.Eval("{a: [1, \"x\", date(\"2024-01-02\")]}").ToString());

    [Fact]
    public void Evaluate_ResultOfFunction_ConvertsToJsonNull() => Assert.Null(Feel.Eval("function(x) x").ToJsonNode());
}
