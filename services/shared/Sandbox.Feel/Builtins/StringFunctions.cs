using System.Globalization;
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
        r.Add("string length", "string", s => Args.Str(s, out var text) ? FeelValue.Number(CodePoints(text).Length) : FeelValue.Null);
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
        var points = CodePoints(text);
        var position = (int)decimal.Truncate(Math.Clamp(from, -int.MaxValue, int.MaxValue));
        if (position == 0 || Math.Abs(position) > points.Length) return FeelValue.Null;
        var begin = position > 0 ? position - 1 : points.Length + position;
        var count = points.Length - begin;
        if (!length.IsNull)
        {
            if (!Args.Num(length, out var len) || len < 0) return FeelValue.Null;
            count = (int)Math.Min(count, decimal.Truncate(len));
        }
        return FeelValue.String(string.Concat(points.AsSpan(begin, count).ToArray()));
    }

    /// <summary>The string split into code points (a surrogate pair stays together).</summary>
    public static string[] CodePoints(string text)
    {
        var points = new List<string>(text.Length);
        foreach (var rune in text.EnumerateRunes()) points.Add(rune.ToString());
        return [.. points];
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
