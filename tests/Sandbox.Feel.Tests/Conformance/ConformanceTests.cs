using System.Text.Json.Nodes;

namespace Sandbox.Feel.Tests.Conformance;

public class ConformanceTests
{
    public static TheoryData<int> CaseIndexes() => new(Enumerable.Range(0, ConformanceCase.All.Count));

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Case_EvaluatesToExpectedValue_OrIsAListedGap(int index)
    {
        var c = ConformanceCase.All[index];
        var (passed, detail) = Run(c);
        if (ConformanceCase.KnownGaps.TryGetValue(c.Source, out var reason))
        {
            Assert.False(passed, $"{c} is listed as a known gap ({reason}) but passes now; remove it from known-gaps.json.");
        }
        else
        {
            Assert.True(passed, $"{c}: {detail}");
        }
    }

    [Fact]
    public void KnownGaps_NameOnlyExistingCases()
    {
        var sources = ConformanceCase.All.Select(c => c.Source).ToHashSet();
        Assert.All(ConformanceCase.KnownGaps.Keys, source => Assert.Contains(source, sources));
    }

    [Fact]
    public void CaseFile_HasAllCases() => Assert.Equal(147, ConformanceCase.All.Count);

    private static (bool Passed, string Detail) Run(ConformanceCase c)
    {
        try
        {
            var expression = new FeelEngine().Compile(c.Expression);
            var actual = expression.Evaluate(c.Context).ToJsonNode();
            var passed = JsonComparer.AreEquivalent(c.Expected, actual);
            return (passed, $"expected {Show(c.Expected)} but got {Show(actual)}");
        }
        catch (FeelException e)
        {
            return (false, $"threw {e.Message}");
        }
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";
}
