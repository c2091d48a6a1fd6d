using Sandbox.Feel.Evaluation;

namespace Sandbox.Feel.Builtins;

/// <summary><c>stddev</c> (sample standard deviation) and <c>mode</c> (most frequent values, ascending).</summary>
internal static class StatisticsFunctions
{
    public static void Register(Registry r)
    {
        r.AddListOrVarargs("stddev", StandardDeviation);
        r.AddListOrVarargs("mode", Mode);
    }

    private static FeelValue StandardDeviation(FeelValue[] items)
    {
        if (items.Length < 2 || items.Any(i => i.Kind != FeelValueKind.Number)) return FeelValue.Null;
        try
        {
            var mean = items.Sum(i => i.RawNumber) / items.Length;
            var squares = items.Sum(i => (i.RawNumber - mean) * (i.RawNumber - mean));
            return DecimalMath.Sqrt(squares / (items.Length - 1)) is { } root ? FeelValue.Number(root) : FeelValue.Null;
        }
        catch (OverflowException)
        {
            return FeelValue.Null;
        }
    }

    private static FeelValue Mode(FeelValue[] items)
    {
        if (items.Any(i => i.Kind != FeelValueKind.Number)) return FeelValue.Null;
        var counts = items.GroupBy(i => i.RawNumber).Select(g => (Value: g.Key, Count: g.Count())).ToList();
        if (counts.Count == 0) return FeelValue.ListOf([]);
        var most = counts.Max(c => c.Count);
        return FeelValue.ListOf(counts.Where(c => c.Count == most).Select(c => c.Value).Order().Select(FeelValue.Number).ToArray());
    }
}
