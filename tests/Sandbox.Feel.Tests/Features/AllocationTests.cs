using System.Text.Json.Nodes;

namespace Sandbox.Feel.Tests.Features;

public class AllocationTests
{
    [Theory]
    [InlineData("age >= 18 and distance > 4")]
    [InlineData("=totalPrice > 100 or not(approved)")]
    [InlineData("amount between 1 and 10 and (amount * 2 + 1) != 7")]
    [InlineData("age in [18..67]")]
    public void Evaluate_BooleanConditionOverNumbers_AllocatesNothing(string condition)
    {
        var expression = new FeelEngine().Compile(condition);
        var variables = JsonNode.Parse("""{"age": 30, "distance": 12, "totalPrice": 50, "approved": true, "amount": 4}""")!.AsObject();
        for (var i = 0; i < 100; i++) expression.IsTrue(variables);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) expression.IsTrue(variables);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("[18..67]")]
    [InlineData("< 10, > 100")]
    [InlineData("1, 2, 3")]
    public void UnaryTests_OverNumbers_AllocateNothing(string tests)
    {
        var compiled = new FeelEngine().CompileUnaryTests(tests);
        var input = FeelValue.Number(42);
        for (var i = 0; i < 100; i++) compiled.Matches(input);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) compiled.Matches(input);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
