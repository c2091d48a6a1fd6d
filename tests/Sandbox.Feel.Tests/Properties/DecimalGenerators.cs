using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Sandbox.Feel.Tests.Properties;

/// <summary>Decimals that FEEL arithmetic handles exactly: up to 12 integer digits and 6 decimals, both signs.</summary>
internal static class DecimalGenerators
{
    public static Gen<decimal> Exact { get; } =
        from units in Gen.Choose(-1_000_000, 1_000_000)
        from millions in Gen.Choose(-1_000_000, 1_000_000)
        from scale in Gen.Choose(0, 6)
        select (units + millions * 1_000_000m) / Pow10(scale);

    public static Arbitrary<decimal> ExactArb { get; } = Arb.From(Exact);

    public static string Literal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal Pow10(int scale)
    {
        var result = 1m;
        for (var i = 0; i < scale; i++) result *= 10;
        return result;
    }
}
