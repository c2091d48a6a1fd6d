using System.Text;
using Sandbox.Feel.Evaluation;

namespace Sandbox.Feel.Builtins;

/// <summary>String functions. Positions and lengths count Unicode code points, as FEEL does.</summary>
internal static class StringFunctions
{
    public static void Register(Registry r)
    {
        r.Add("substring", "string", "start position", (s, start) => Substring(s, start, FeelValue.Null));
        r.Add("substring", "string", "start position", "length", Substring);
        r.Add("string length", "string", s => Args.Str(s, out var text) ? FeelValue.Number(CodePointCount(text)) : FeelValue.Null);
        r.Add("upper case", "string", s => Args.Str(s, out var text) ? FeelValue.String(text.ToUpperInvariant()) : FeelValue.Null);
        r.Add("lower case", "string", s => Args.Str(s, out var text) ? FeelValue.String(text.ToLowerInvariant()) : FeelValue.Null);
        r.Add("substring before", "string", "match", (s, m) => Strings(s, m, (a, b) =>
        {
            var i = a.IndexOf(b, StringComparison.Ordinal);
            return FeelValue.String(i < 0 ? "" : a[..i]);
        }));
        r.Add("substring after", "string", "match", (s, m) => Strings(s, m, (a, b) =>
        {
            var i = a.IndexOf(b, StringComparison.Ordinal);
            return FeelValue.String(i < 0 ? "" : a[(i + b.Length)..]);
        }));
        r.Add("contains", "string", "match", (s, m) => Strings(s, m, (a, b) => FeelValue.Boolean(a.Contains(b, StringComparison.Ordinal))));
        r.Add("starts with", "string", "match", (s, m) => Strings(s, m, (a, b) => FeelValue.Boolean(a.StartsWith(b, StringComparison.Ordinal))));
        r.Add("ends with", "string", "match", (s, m) => Strings(s, m, (a, b) => FeelValue.Boolean(a.EndsWith(b, StringComparison.Ordinal))));
        r.Add("string join", ["list"], (ReadOnlySpan<FeelValue> a, ref EvalState st) => Join(a[0], FeelValue.String(""), ref st));
        r.Add("string join", ["list", "delimiter"], (ReadOnlySpan<FeelValue> a, ref EvalState st) => Join(a[0], a[1], ref st));
        RegexFunctions.Register(r);
    }

    private static FeelValue Strings(FeelValue a, FeelValue b, Func<string, string, FeelValue> body) =>
        Args.Str(a, out var x) && Args.Str(b, out var y) ? body(x, y) : FeelValue.Null;

    private static FeelValue Substring(FeelValue s, FeelValue start, FeelValue length)
    {
        if (!Args.Str(s, out var text) || !Args.Num(start, out var from)) return FeelValue.Null;
        var total = CodePointCount(text);
        var position = (int)decimal.Truncate(Math.Clamp(from, -int.MaxValue, int.MaxValue));
        if (position == 0 || Math.Abs(position) > total) return FeelValue.Null;
        var begin = position > 0 ? position - 1 : total + position;
        var count = total - begin;
        if (!length.IsNull)
        {
            if (!Args.Num(length, out var len) || len < 0) return FeelValue.Null;
            count = (int)Math.Min(count, decimal.Truncate(len));
        }
        var first = CharIndex(text, begin);
        return FeelValue.String(text[first..CharIndex(text, begin + count, first, begin)]);
    }

    private static bool HasSurrogates(string text) => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    public static int CodePointCount(string text) => HasSurrogates(text) ? text.EnumerateRunes().Count() : text.Length;

    /// <summary>The UTF-16 index of a code point index, counting on from a known pair of indexes.</summary>
    private static int CharIndex(string text, int codePoint, int fromChar = 0, int fromCodePoint = 0)
    {
        if (!HasSurrogates(text)) return codePoint;
        var index = fromChar;
        for (var point = fromCodePoint; point < codePoint; point++) index += char.IsHighSurrogate(text[index]) ? 2 : 1;
        return index;
    }

    private static FeelValue Join(FeelValue list, FeelValue delimiter, ref EvalState st)
    {
        var items = Args.List(list);
        if (items is null) return FeelValue.Null;
        var separator = "";
        if (!delimiter.IsNull && !Args.Str(delimiter, out separator)) return FeelValue.Null;
        st.Charge(items.Length);
        var sb = new StringBuilder();
        var first = true;
        foreach (var item in items)
        {
            if (item.IsNull) continue;
            if (item.Kind != FeelValueKind.String) return FeelValue.Null;
            if (!first) sb.Append(separator);
            first = false;
            sb.Append(item.RawString);
            st.CheckStringLength(sb.Length);
        }
        return FeelValue.String(sb.ToString());
    }
}
