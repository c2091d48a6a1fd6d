using System.Text;
using Sandbox.Feel.Evaluation;

namespace Sandbox.Feel.Nodes;

/// <summary><c>target.name</c>: a context entry, a property of a temporal value, or a mapping over a list.</summary>
internal sealed class PathNode(Node target, string name) : Node
{
    public Node Target => target;
    public string Name => name;

    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        return Select(target.Eval(ref st), name, ref st);
    }

    private static FeelValue Select(FeelValue value, string name, ref EvalState st)
    {
        switch (value.Kind)
        {
            case FeelValueKind.Context:
                return value.RawContext.TryGetValue(name, out var entry) ? entry : FeelValue.Null;
            case FeelValueKind.List:
                var items = value.RawList;
                st.Charge(items.Length);
                var result = new FeelValue[items.Length];
                for (var i = 0; i < items.Length; i++) result[i] = Select(items[i], name, ref st);
                return FeelValue.ListOf(result);
            default:
                return Properties.Get(value, name);
        }
    }

    public override bool UsesInput => target.UsesInput;

    public override void Print(StringBuilder sb)
    {
        target.Print(sb);
        sb.Append('.');
        FeelNames.Print(sb, name);
    }
}

/// <summary><c>list[condition]</c> or <c>list[index]</c>.</summary>
internal sealed class FilterNode(Node target, Node filter) : Node
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        var source = target.Eval(ref st);
        if (source.IsNull) return FeelValue.Null;
        var items = source.Kind == FeelValueKind.List ? source.RawList : [source];
        if (filter is ConstNode { Value.Kind: FeelValueKind.Number } index) return Index(items, index.Value.RawNumber);

        var saved = st.Scope;
        var kept = new List<FeelValue>();
        try
        {
            for (var i = 0; i < items.Length; i++)
            {
                var item = items[i];
                st.Scope = new Scope(saved, "item", item, item.Kind == FeelValueKind.Context ? item.RawContext : null);
                var test = filter.Eval(ref st);
                if (i == 0 && test.Kind == FeelValueKind.Number) return Index(items, test.RawNumber);
                if (test.IsTrue) kept.Add(item);
            }
        }
        finally
        {
            st.Scope = saved;
        }
        return FeelValue.ListOf([.. kept]);
    }

    private static FeelValue Index(FeelValue[] items, decimal position)
    {
        if (position != decimal.Truncate(position) || position == 0 || Math.Abs(position) > items.Length) return FeelValue.Null;
        var i = (int)position;
        return i > 0 ? items[i - 1] : items[items.Length + i];
    }

    public override bool UsesInput => target.UsesInput || filter.UsesInput;

    public override void Print(StringBuilder sb)
    {
        target.Print(sb);
        sb.Append('[');
        filter.Print(sb);
        sb.Append(']');
    }
}

/// <summary>Properties of temporal values and ranges (<c>date.year</c>, <c>duration.days</c>, <c>range.start</c>).</summary>
internal static class Properties
{
    public static FeelValue Get(FeelValue value, string name)
    {
        switch (value.Kind)
        {
            case FeelValueKind.Date:
                return DateProperty(value.RawDate, name);
            case FeelValueKind.DateTime:
                var dt = value.RawDateTime;
                return DateProperty(DateOnly.FromDateTime(dt.Local), name) is { IsNull: false } d
                    ? d
                    : TimeProperty(TimeOnly.FromDateTime(dt.Local), dt.EffectiveOffset, dt.Zone, name);
            case FeelValueKind.Time:
                var t = value.RawTime;
                return TimeProperty(t.Local, t.EffectiveOffset, t.Zone, name);
            case FeelValueKind.YearsMonthsDuration:
                var months = (int)value.RawNumber;
                return name switch
                {
                    "years" => FeelValue.Number(months / 12),
                    "months" => FeelValue.Number(months % 12),
                    _ => FeelValue.Null,
                };
            case FeelValueKind.DaysTimeDuration:
                return DurationProperty(value.RawNumber, name);
            case FeelValueKind.Range:
                var r = value.RawRange;
                return name switch
                {
                    "start" => r.Start,
                    "end" => r.End,
                    "start included" => FeelValue.Boolean(r.StartIncluded),
                    "end included" => FeelValue.Boolean(r.EndIncluded),
                    _ => FeelValue.Null,
                };
            default:
                return FeelValue.Null;
        }
    }

    private static FeelValue DateProperty(DateOnly date, string name) => name switch
    {
        "year" => FeelValue.Number(date.Year),
        "month" => FeelValue.Number(date.Month),
        "day" => FeelValue.Number(date.Day),
        "weekday" => FeelValue.Number(date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek),
        _ => FeelValue.Null,
    };

    private static FeelValue TimeProperty(TimeOnly time, TimeSpan? offset, string? zone, string name) => name switch
    {
        "hour" => FeelValue.Number(time.Hour),
        "minute" => FeelValue.Number(time.Minute),
        "second" => FeelValue.Number(time.Second + (decimal)(time.Ticks % TimeSpan.TicksPerSecond) / TimeSpan.TicksPerSecond),
        "time offset" => offset is { } o ? FeelValue.DaysTime(o) : FeelValue.Null,
        "timezone" => FeelValue.String(zone),
        _ => FeelValue.Null,
    };

    private static FeelValue DurationProperty(decimal seconds, string name)
    {
        var sign = seconds < 0 ? -1 : 1;
        var abs = Math.Abs(seconds);
        return name switch
        {
            "days" => FeelValue.Number(sign * decimal.Truncate(abs / 86400)),
            "hours" => FeelValue.Number(sign * decimal.Truncate(abs % 86400 / 3600)),
            "minutes" => FeelValue.Number(sign * decimal.Truncate(abs % 3600 / 60)),
            "seconds" => FeelValue.Number(sign * (abs % 60)),
            _ => FeelValue.Null,
        };
    }
}
