using FsCheck;
using FsCheck.Fluent;

namespace Sandbox.Feel.Tests.Properties;

/// <summary>Generates valid FEEL expression text of bounded depth, each compound form in parentheses.</summary>
internal static class ExpressionGenerator
{
    private static readonly string[] Names = ["a", "b", "last name", "items"];

    private static readonly string[] BinaryOperators =
        ["+", "-", "*", "/", "**", "=", "!=", "<", "<=", ">", ">=", "and", "or"];

    public static Arbitrary<string> Arbitrary { get; } = Arb.From(Gen.Sized(size => Expression(Math.Min(size, 12) / 3)));

    public const string Variables = """{"a": 3, "b": -1.5, "last name": "Doe", "items": [1, 2, {"a": 4}]}""";

    private static Gen<string> Expression(int depth) =>
        depth <= 0 ? Atom() : Gen.Frequency((2, Atom()), (5, Compound(depth - 1)));

    private static Gen<string> Atom() => Gen.OneOf(
        DecimalGenerators.Exact.Select(d => d < 0 ? $"({DecimalGenerators.Literal(d)})" : DecimalGenerators.Literal(d)),
        Gen.Elements("\"\"", "\"x\"", "\"a \\\"quoted\\\" \\\\ text\"", "\"line\\nbreak\""),
        Gen.Elements("true", "false", "null"),
        Gen.Elements(Names),
        Gen.Elements("@\"2024-01-02\"", "date(\"2024-02-29\")", "duration(\"P1DT2H\")", "@\"10:00:00Z\""));

    private static Gen<string> Compound(int depth)
    {
        var e = Expression(depth);
        return Gen.OneOf(
            from l in e from op in Gen.Elements(BinaryOperators) from r in e select $"({l} {op} {r})",
            e.Select(x => $"(-{x})"),
            from c in e from t in e from f in e select $"(if {c} then {t} else {f})",
            from x in e from lo in e from hi in e select $"({x} between {lo} and {hi})",
            from x in e from lo in e from hi in e select $"({x} in [{lo}..{hi}))",
            from x in e from y in e from z in e select $"({x} in ({y}, < {z}))",
            from x in e from y in e select $"[{x}, {y}]",
            from x in e from y in e select $"{{first: {x}, \"second key\": {y}}}",
            e.Select(x => $"({x}).a"),
            from x in e from y in e select $"({x})[{y}]",
            from x in e from y in e select $"substring(string: {x}, start position: {y})",
            from x in e from y in e select $"(for item in {x} return {y})",
            from x in e from y in e select $"(some item in {x} satisfies {y})",
            e.Select(x => $"({x} instance of number)"),
            e.Select(x => $"string length({x})"));
    }
}
