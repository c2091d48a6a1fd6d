using System.Text;
using Sandbox.Feel.Evaluation;

namespace Sandbox.Feel.Nodes;

internal readonly record struct Iterator(string Name, Node Domain);

/// <summary>Shared part of <c>for</c>, <c>some</c> and <c>every</c>: binding names over the cartesian product of domains.</summary>
internal abstract class IterationNode(Iterator[] iterators) : Node
{
    /// <summary>
    /// Visits each combination; the visitor returns false to stop early. Returns true when all were visited,
    /// false when the visitor stopped, null when a domain was not iterable.
    /// </summary>
    protected bool? ForEach(ref EvalState st, Func<FeelValue, bool> onValue, Node body, int level = 0)
    {
        var items = Domain(iterators[level].Domain.Eval(ref st), ref st);
        if (items is null) return null;
        var saved = st.Scope;
        try
        {
            foreach (var item in items)
            {
                st.Tick();
                st.Scope = new Scope(saved, iterators[level].Name, item);
                if (level + 1 == iterators.Length)
                {
                    if (!onValue(body.Eval(ref st))) return false;
                }
                else if (ForEach(ref st, onValue, body, level + 1) is not true and var stopped)
                {
                    return stopped;
                }
            }
        }
        finally
        {
            st.Scope = saved;
        }
        return true;
    }

    private static IEnumerable<FeelValue>? Domain(FeelValue value, ref EvalState st)
    {
        switch (value.Kind)
        {
            case FeelValueKind.Null:
                return null;
            case FeelValueKind.List:
                return value.RawList;
            case FeelValueKind.Range when value.RawRange is { Start.Kind: FeelValueKind.Number or FeelValueKind.Date } r:
                return Steps(r, ref st);
            case FeelValueKind.Range:
                return null;
            default:
                return [value];
        }
    }

    /// <summary>The whole numbers, or the days, of a range, in the direction from its start to its end.</summary>
    private static IEnumerable<FeelValue>? Steps(FeelRange range, ref EvalState st)
    {
        var dates = range.Start.Kind == FeelValueKind.Date;
        decimal from = range.Start.RawNumber, to = range.End.RawNumber;
        if (from != decimal.Truncate(from) || to != decimal.Truncate(to)) return null;
        var step = from <= to ? 1 : -1;
        if (!range.StartIncluded) from += step;
        if (!range.EndIncluded) to -= step;
        var count = (long)((to - from) * step) + 1;
        if (count <= 0) return [];
        st.CheckCollectionSize(count);
        return Enumerable.Range(0, (int)count).Select(i => dates
            ? FeelValue.Date(DateOnly.FromDayNumber((int)(from + i * step)))
            : FeelValue.Number(from + i * step));
    }

    protected void PrintIterators(StringBuilder sb, string keyword)
    {
        sb.Append('(').Append(keyword).Append(' ');
        for (var i = 0; i < iterators.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            FeelNames.Print(sb, iterators[i].Name);
            sb.Append(" in ");
            iterators[i].Domain.Print(sb);
        }
    }

    public override bool UsesInput => iterators.Any(i => i.Domain.UsesInput);
}

/// <summary><c>for ... return body</c>; when the body names <c>partial</c>, it sees the results so far.</summary>
internal sealed class ForNode(Iterator[] iterators, Node body, bool usesPartial) : IterationNode(iterators)
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        var results = new List<FeelValue>();
        var limit = st.Options.MaxCollectionSize;
        var saved = st.Scope;
        if (usesPartial) st.Scope = new Scope(saved, "partial", results);
        try
        {
            var visited = ForEach(ref st, value =>
            {
                results.Add(value);
                return results.Count <= limit;
            }, body);
            if (results.Count > limit) st.CheckCollectionSize(results.Count);
            return visited is null ? FeelValue.Null : FeelValue.ListOf([.. results]);
        }
        finally
        {
            st.Scope = saved;
        }
    }

    public override bool UsesInput => base.UsesInput || body.UsesInput;

    public override void Print(StringBuilder sb)
    {
        PrintIterators(sb, "for");
        sb.Append(" return ");
        body.Print(sb);
        sb.Append(')');
    }
}

internal sealed class QuantifiedNode(bool every, Iterator[] iterators, Node condition) : IterationNode(iterators)
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        var decided = false;
        var sawNull = false;
        var visited = ForEach(ref st, value =>
        {
            if (every ? value.IsFalse : value.IsTrue) decided = true;
            else if (!value.IsTrue && !value.IsFalse) sawNull = true;
            return !decided;
        }, condition);
        if (visited is null) return FeelValue.Null;
        if (decided) return FeelValue.Boolean(!every);
        return sawNull ? FeelValue.Null : FeelValue.Boolean(every);
    }

    public override bool UsesInput => base.UsesInput || condition.UsesInput;

    public override void Print(StringBuilder sb)
    {
        PrintIterators(sb, every ? "every" : "some");
        sb.Append(" satisfies ");
        condition.Print(sb);
        sb.Append(')');
    }
}
