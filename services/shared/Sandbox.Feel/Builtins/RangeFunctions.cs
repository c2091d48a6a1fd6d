using Sandbox.Feel.Nodes;
using Sandbox.Feel.Parsing;

namespace Sandbox.Feel.Builtins;

/// <summary>
/// The DMN 1.4 range functions (<c>before</c>, <c>includes</c>, <c>overlaps</c> …), over points and ranges.
/// Each is written as in the specification's table; values that cannot be compared give null.
/// </summary>
internal static class RangeFunctions
{
    public static void Register(Registry r)
    {
        Add(r, "before", (p, q) => p < q, (p, s) => s.In1 ? p < s.S : p <= s.S, (s, p) => s.In2 ? s.E < p : s.E <= p,
            (a, b) => a.In2 && b.In1 ? a.E < b.S : a.E <= b.S);
        Add(r, "after", (p, q) => p > q, (p, s) => s.In2 ? p > s.E : p >= s.E, (s, p) => s.In1 ? s.S > p : s.S >= p,
            (a, b) => a.In1 && b.In2 ? a.S > b.E : a.S >= b.E);
        Add(r, "meets", null, null, null, (a, b) => a.In2 && b.In1 && a.E == b.S);
        Add(r, "met by", null, null, null, (a, b) => a.In1 && b.In2 && a.S == b.E);
        Add(r, "overlaps", null, null, null, (a, b) =>
            (a.E > b.S || (a.E == b.S && a.In2 && b.In1)) && (a.S < b.E || (a.S == b.E && a.In1 && b.In2)));
        Add(r, "overlaps before", null, null, null, (a, b) =>
            (a.S < b.S || (a.S == b.S && a.In1 && !b.In1)) && (a.E > b.S || (a.E == b.S && a.In2 && b.In1))
            && (a.E < b.E || (a.E == b.E && (!a.In2 || b.In2))));
        Add(r, "overlaps after", null, null, null, (a, b) =>
            (b.S < a.S || (b.S == a.S && b.In1 && !a.In1)) && (b.E > a.S || (b.E == a.S && b.In2 && a.In1))
            && (b.E < a.E || (b.E == a.E && (!b.In2 || a.In2))));
        Add(r, "finishes", null, (p, s) => s.In2 && s.E == p, null, (a, b) =>
            a.In2 == b.In2 && a.E == b.E && (a.S > b.S || (a.S == b.S && (!a.In1 || b.In1))));
        Add(r, "finished by", null, null, (s, p) => s.In2 && s.E == p, (a, b) =>
            a.In2 == b.In2 && a.E == b.E && (a.S < b.S || (a.S == b.S && (a.In1 || !b.In1))));
        Add(r, "includes", null, null, Includes, IncludesRange);
        Add(r, "during", null, (p, s) => Includes(s, p), null, (a, b) => IncludesRange(b, a));
        Add(r, "starts", null, (p, s) => s.In1 && s.S == p, null, (a, b) =>
            a.S == b.S && a.In1 == b.In1 && (a.E < b.E || (a.E == b.E && (!a.In2 || b.In2))));
        Add(r, "started by", null, null, (s, p) => s.In1 && s.S == p, (a, b) =>
            a.S == b.S && a.In1 == b.In1 && (b.E < a.E || (b.E == a.E && (!b.In2 || a.In2))));
        r.Add("range", "from", from => Args.Str(from, out var text) ? ParseRange(text) : FeelValue.Null);
        Add(r, "coincides", (p, q) => p == q, null, null, (a, b) => a.S == b.S && a.In1 == b.In1 && a.E == b.E && a.In2 == b.In2);
    }

    /// <summary>
    /// <c>range("[1..10)")</c>: a range literal of constants, or a comparison such as <c>"&lt; 10"</c> for a range
    /// open on one side. Anything else gives null.
    /// </summary>
    private static FeelValue ParseRange(string text)
    {
        try
        {
            var tests = Parser.ParseUnaryTests(text, maxDepth: 10);
            return tests is [ExpressionTest { Constant: { Kind: FeelValueKind.Range } range }] ? range
                : tests is [ComparisonTest { Range: { } open }] ? open
                : FeelValue.Null;
        }
        catch (FeelException)
        {
            return FeelValue.Null;
        }
    }

    private static bool Includes(Span s, Point p) => (s.S < p && s.E > p) || (s.S == p && s.In1) || (s.E == p && s.In2);

    private static bool IncludesRange(Span a, Span b) =>
        (a.S < b.S || (a.S == b.S && (a.In1 || !b.In1))) && (a.E > b.E || (a.E == b.E && (a.In2 || !b.In2)));

    private static void Add(Registry r, string name, Func<Point, Point, bool>? points, Func<Point, Span, bool>? pointRange,
        Func<Span, Point, bool>? rangePoint, Func<Span, Span, bool> ranges)
    {
        r.Add(name, "a", "b", (a, b) =>
        {
            try
            {
                bool? result = (a.Kind == FeelValueKind.Range, b.Kind == FeelValueKind.Range) switch
                {
                    (false, false) => points?.Invoke(new Point(a), new Point(b)),
                    (false, true) => pointRange?.Invoke(new Point(a), new Span(b.RawRange)),
                    (true, false) => rangePoint?.Invoke(new Span(a.RawRange), new Point(b)),
                    (true, true) => ranges(new Span(a.RawRange), new Span(b.RawRange)),
                };
                return result is { } flag ? FeelValue.Boolean(flag) : FeelValue.Null;
            }
            catch (IncomparableException)
            {
                return FeelValue.Null;
            }
        });
    }

    /// <summary>A value compared with FEEL ordering; comparing incomparable values aborts the function with null.</summary>
    private readonly struct Point(FeelValue value) : IEquatable<Point>
    {
        private FeelValue Value => value;

        private static int Compare(Point a, Point b) =>
            a.Value.IsNull || b.Value.IsNull ? throw new IncomparableException()
            : FeelComparison.Compare(a.Value, b.Value) ?? throw new IncomparableException();

        public static bool operator <(Point a, Point b) => Compare(a, b) < 0;
        public static bool operator >(Point a, Point b) => Compare(a, b) > 0;
        public static bool operator <=(Point a, Point b) => Compare(a, b) <= 0;
        public static bool operator >=(Point a, Point b) => Compare(a, b) >= 0;
        public static bool operator ==(Point a, Point b) => Compare(a, b) == 0;
        public static bool operator !=(Point a, Point b) => Compare(a, b) != 0;
        public bool Equals(Point other) => this == other;
        public override bool Equals(object? obj) => obj is Point other && Equals(other);
        public override int GetHashCode() => Value.GetHashCode();
    }

    /// <summary>A range as start, end and whether each is included.</summary>
    private readonly record struct Span(Point S, bool In1, Point E, bool In2)
    {
        public Span(FeelRange range) : this(new Point(range.Start), range.StartIncluded, new Point(range.End), range.EndIncluded)
        {
        }
    }

    private sealed class IncomparableException : Exception;
}
