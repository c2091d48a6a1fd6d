using Sandbox.Feel.Evaluation;

namespace Sandbox.Feel.Builtins;

/// <summary><c>sort(list, precedes)</c>: a stable merge sort, so the ordering function is called O(n log n) times.</summary>
internal static class SortFunction
{
    public static void Register(Registry r)
    {
        r.Add("sort", ["list"], (ReadOnlySpan<FeelValue> a, ref EvalState st) => Sort(a[0], FeelValue.Null, ref st));
        r.Add("sort", ["list", "precedes"], (ReadOnlySpan<FeelValue> a, ref EvalState st) => Sort(a[0], a[1], ref st));
    }

    private static FeelValue Sort(FeelValue list, FeelValue precedes, ref EvalState st)
    {
        if (Args.List(list) is not { } items) return FeelValue.Null;
        if (!precedes.IsNull && precedes.Kind != FeelValueKind.Function) return FeelValue.Null;
        var work = items.ToArray();
        var buffer = new FeelValue[work.Length];
        return MergeSort(work, buffer, 0, work.Length, precedes, ref st) ? FeelValue.ListOf(work) : FeelValue.Null;
    }

    private static bool MergeSort(FeelValue[] a, FeelValue[] buffer, int from, int to, FeelValue precedes, ref EvalState st)
    {
        if (to - from < 2) return true;
        var middle = (from + to) / 2;
        if (!MergeSort(a, buffer, from, middle, precedes, ref st) || !MergeSort(a, buffer, middle, to, precedes, ref st)) return false;
        int i = from, j = middle, k = from;
        while (i < middle && j < to)
        {
            st.Tick();
            // Take from the right only when it strictly precedes the left, which keeps equal items in order.
            var rightFirst = Precedes(a[j], a[i], precedes, ref st);
            if (rightFirst is null) return false;
            buffer[k++] = rightFirst.Value ? a[j++] : a[i++];
        }
        while (i < middle) buffer[k++] = a[i++];
        while (j < to) buffer[k++] = a[j++];
        Array.Copy(buffer, from, a, from, to - from);
        return true;
    }

    private static bool? Precedes(FeelValue x, FeelValue y, FeelValue precedes, ref EvalState st)
    {
        if (precedes.IsNull) return FeelComparison.Compare(x, y) is { } order ? order < 0 : null;
        ReadOnlySpan<FeelValue> args = [x, y];
        return precedes.RawFunction.Invoke(args, ref st).IsTrue;
    }
}
