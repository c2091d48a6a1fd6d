using System.Runtime.CompilerServices;
using Sandbox.Feel.Evaluation;

namespace Sandbox.Feel.Builtins;

/// <summary>List functions. Functions of a list also accept the items as separate arguments (<c>max(1, 2)</c>).</summary>
internal static class ListFunctions
{
    public static void Register(Registry r)
    {
        r.Add("list contains", "list", "element", (list, element) => Args.List(list) is { } items
            ? FeelValue.Boolean(items.Any(i => FeelEquality.AreEqual(i, element) == true))
            : FeelValue.Null);
        r.Add("count", "list", list => Args.List(list) is { } items ? FeelValue.Number(items.Length) : FeelValue.Null);
        r.AddListOrVarargs("min", items => Extreme(items, -1));
        r.AddListOrVarargs("max", items => Extreme(items, 1));
        r.AddListOrVarargs("sum", Sum);
        r.AddListOrVarargs("product", Product);
        r.AddListOrVarargs("mean", items => items.Length == 0 ? FeelValue.Null : Divide(Sum(items), items.Length));
        r.AddListOrVarargs("median", Median);
        r.AddListOrVarargs("all", items => Logic(items, every: true));
        r.AddListOrVarargs("any", items => Logic(items, every: false));
        r.Add("sublist", "list", "start position", (l, s) => Sublist(l, s, FeelValue.Null));
        r.Add("sublist", "list", "start position", "length", Sublist);
        r.Add("append", ["list", "item"], (ReadOnlySpan<FeelValue> a, ref EvalState st) =>
            Args.List(a[0]) is { } items ? Args.Result([.. items, .. a[1..]], ref st) : FeelValue.Null, variadic: true);
        r.Add("concatenate", ["lists"], Concatenate, variadic: true);
        r.Add("insert before", "list", "position", "newItem", InsertBefore);
        r.Add("remove", "list", "position", Remove);
        r.Add("reverse", "list", list => Args.List(list) is { } items ? FeelValue.ListOf([.. items.Reverse()]) : FeelValue.Null);
        r.Add("index of", "list", "match", (list, match) => Args.List(list) is { } items
            ? FeelValue.ListOf(items.Select((item, i) => (item, i)).Where(p => FeelEquality.AreEqual(p.item, match) == true)
                .Select(p => FeelValue.Number(p.i + 1)).ToArray())
            : FeelValue.Null);
        r.Add("union", ["lists"], (ReadOnlySpan<FeelValue> a, ref EvalState st) => Distinct(Concatenate(a, ref st), ref st), variadic: true);
        r.Add("distinct values", ["list"], (ReadOnlySpan<FeelValue> a, ref EvalState st) => Distinct(a[0], ref st));
        r.Add("flatten", ["list"], (ReadOnlySpan<FeelValue> a, ref EvalState st) =>
            Args.List(a[0]) is { } items ? Args.Result(Flatten(items, [], ref st), ref st) : FeelValue.Null);
        r.Add("list replace", ["list", "position", "newItem"], (ReadOnlySpan<FeelValue> a, ref EvalState st) => Replace(a[0], a[1], a[2], ref st));
        r.Add("list replace", ["list", "match", "newItem"], (ReadOnlySpan<FeelValue> a, ref EvalState st) => Replace(a[0], a[1], a[2], ref st));
        r.Add("is", "value1", "value2", (a, b) => FeelValue.Boolean(a.Kind == b.Kind && a.Equals(b)));
        r.Add("is empty", "list", list => list.Kind == FeelValueKind.List ? FeelValue.Boolean(list.RawList.Length == 0) : FeelValue.Null);
        SortFunction.Register(r);
    }

    private static FeelValue Extreme(FeelValue[] items, int sign)
    {
        if (items.Length == 0) return FeelValue.Null;
        var best = items[0];
        foreach (var item in items.AsSpan(1))
        {
            var order = FeelComparison.Compare(item, best);
            if (order is null) return FeelValue.Null;
            if (order * sign > 0) best = item;
        }
        return FeelComparison.Compare(best, best) is null ? FeelValue.Null : best;
    }

    // DMN defines sum([]) as null, like mean and product of an empty list.
    private static FeelValue Sum(FeelValue[] items) => items.Length == 0 ? FeelValue.Null : Fold(items, 0m, (a, b) => a + b);

    private static FeelValue Product(FeelValue[] items) => items.Length == 0 ? FeelValue.Null : Fold(items, 1m, (a, b) => a * b);

    private static FeelValue Fold(FeelValue[] items, decimal seed, Func<decimal, decimal, decimal> step)
    {
        try
        {
            var total = seed;
            foreach (var item in items)
            {
                if (item.Kind != FeelValueKind.Number) return FeelValue.Null;
                total = step(total, item.RawNumber);
            }
            return FeelValue.Number(total);
        }
        catch (OverflowException)
        {
            return FeelValue.Null;
        }
    }

    private static FeelValue Divide(FeelValue total, int count) =>
        total.Kind == FeelValueKind.Number ? FeelValue.Number(total.RawNumber / count) : FeelValue.Null;

    private static FeelValue Median(FeelValue[] items)
    {
        if (items.Length == 0 || items.Any(i => i.Kind != FeelValueKind.Number)) return FeelValue.Null;
        var sorted = items.Select(i => i.RawNumber).Order().ToArray();
        var middle = sorted.Length / 2;
        return FeelValue.Number(sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
    }

    private static FeelValue Logic(FeelValue[] items, bool every)
    {
        var sawOther = false;
        foreach (var item in items)
        {
            if (every ? item.IsFalse : item.IsTrue) return FeelValue.Boolean(!every);
            if (!item.IsTrue && !item.IsFalse) sawOther = true;
        }
        return sawOther ? FeelValue.Null : FeelValue.Boolean(every);
    }

    private static FeelValue Sublist(FeelValue list, FeelValue start, FeelValue length)
    {
        if (Args.List(list) is not { } items || !Args.Int(start, out var position)) return FeelValue.Null;
        if (position == 0 || Math.Abs(position) > items.Length) return FeelValue.Null;
        var begin = position > 0 ? position - 1 : items.Length + position;
        var count = items.Length - begin;
        if (!length.IsNull)
        {
            if (!Args.Int(length, out var len) || len < 0 || len > count) return FeelValue.Null;
            count = len;
        }
        return FeelValue.ListOf(items.AsSpan(begin, count).ToArray());
    }

    private static FeelValue Concatenate(ReadOnlySpan<FeelValue> lists, ref EvalState st)
    {
        var result = new List<FeelValue>();
        foreach (var list in lists)
        {
            if (list.Kind != FeelValueKind.List) return FeelValue.Null;
            st.CheckCollectionSize((long)result.Count + list.RawList.Length);
            result.AddRange(list.RawList);
        }
        return Args.Result(result, ref st);
    }

    private static FeelValue InsertBefore(FeelValue list, FeelValue position, FeelValue item)
    {
        if (Args.List(list) is not { } items || !Args.Int(position, out var p) || p == 0 || Math.Abs(p) > items.Length)
        {
            return FeelValue.Null;
        }
        var index = p > 0 ? p - 1 : items.Length + p;
        return FeelValue.ListOf([.. items[..index], item, .. items[index..]]);
    }

    private static FeelValue Remove(FeelValue list, FeelValue position)
    {
        if (Args.List(list) is not { } items || !Args.Int(position, out var p) || p == 0 || Math.Abs(p) > items.Length)
        {
            return FeelValue.Null;
        }
        var index = p > 0 ? p - 1 : items.Length + p;
        return FeelValue.ListOf([.. items[..index], .. items[(index + 1)..]]);
    }

    /// <summary>Replaces the item at a position, or every item for which <c>match(item, newItem)</c> is true.</summary>
    private static FeelValue Replace(FeelValue list, FeelValue where, FeelValue newItem, ref EvalState st)
    {
        if (Args.List(list) is not { } items) return FeelValue.Null;
        var result = items.ToArray();
        if (where.Kind == FeelValueKind.Function)
        {
            for (var i = 0; i < result.Length; i++)
            {
                ReadOnlySpan<FeelValue> args = [result[i], newItem];
                if (where.RawFunction.Invoke(args, ref st).IsTrue) result[i] = newItem;
            }
            return FeelValue.ListOf(result);
        }
        if (!Args.Int(where, out var p) || p == 0 || Math.Abs(p) > result.Length) return FeelValue.Null;
        result[p > 0 ? p - 1 : result.Length + p] = newItem;
        return FeelValue.ListOf(result);
    }

    private static FeelValue Distinct(FeelValue list, ref EvalState st)
    {
        if (Args.List(list) is not { } items) return FeelValue.Null;
        st.Charge(items.Length);
        var seen = new HashSet<FeelValue>();
        var result = new List<FeelValue>();
        foreach (var item in items)
        {
            if (seen.Add(item)) result.Add(item);
        }
        return FeelValue.ListOf([.. result]);
    }

    private static List<FeelValue> Flatten(FeelValue[] items, List<FeelValue> into, ref EvalState st)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var item in items)
        {
            st.Tick();
            if (item.Kind == FeelValueKind.List) Flatten(item.RawList, into, ref st);
            else into.Add(item);
        }
        st.CheckCollectionSize(into.Count);
        return into;
    }
}
