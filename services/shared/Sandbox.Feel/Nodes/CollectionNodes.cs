using System.Text;
using Sandbox.Feel.Evaluation;

namespace Sandbox.Feel.Nodes;

internal sealed class ListNode(Node[] items) : Node
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        var values = new FeelValue[items.Length];
        for (var i = 0; i < items.Length; i++) values[i] = items[i].Eval(ref st);
        return FeelValue.ListOf(values);
    }

    public override bool UsesInput => items.Any(i => i.UsesInput);

    public override bool IsConstant => items.All(i => i.IsConstant);

    public override void Print(StringBuilder sb)
    {
        sb.Append('[');
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            items[i].Print(sb);
        }
        sb.Append(']');
    }
}

/// <summary><c>{a: 1, b: a + 1}</c>: each entry sees the entries before it.</summary>
internal sealed class ContextNode((string Key, Node Value)[] entries) : Node
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        var context = MapContext.Empty();
        var saved = st.Scope;
        st.Scope = new Scope(saved, context);
        try
        {
            foreach (var (key, value) in entries) context.Put(key, value.Eval(ref st));
        }
        finally
        {
            st.Scope = saved;
        }
        return FeelValue.ContextOf(context);
    }

    public override bool UsesInput => entries.Any(e => e.Value.UsesInput);

    public override void Print(StringBuilder sb)
    {
        sb.Append('{');
        for (var i = 0; i < entries.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            FeelFormatter.WriteQuoted(sb, entries[i].Key);
            sb.Append(": ");
            entries[i].Value.Print(sb);
        }
        sb.Append('}');
    }
}

internal sealed class RangeNode(Node start, bool startIncluded, Node end, bool endIncluded) : Node
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        var from = start.Eval(ref st);
        var to = end.Eval(ref st);
        if (from.IsNull || to.IsNull || FeelComparison.Compare(from, to) is null) return FeelValue.Null;
        return FeelValue.RangeOf(new FeelRange(from, startIncluded, to, endIncluded));
    }

    public override bool UsesInput => start.UsesInput || end.UsesInput;

    public override bool IsConstant => start.IsConstant && end.IsConstant;

    public override void Print(StringBuilder sb)
    {
        sb.Append(startIncluded ? '[' : '(');
        start.Print(sb);
        sb.Append("..");
        end.Print(sb);
        sb.Append(endIncluded ? ']' : ')');
    }
}

internal sealed class IfNode(Node condition, Node then, Node otherwise) : Node
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        return condition.Eval(ref st).IsTrue ? then.Eval(ref st) : otherwise.Eval(ref st);
    }

    public override bool UsesInput => condition.UsesInput || then.UsesInput || otherwise.UsesInput;

    public override void Print(StringBuilder sb)
    {
        sb.Append("(if ");
        condition.Print(sb);
        sb.Append(" then ");
        then.Print(sb);
        sb.Append(" else ");
        otherwise.Print(sb);
        sb.Append(')');
    }
}

internal sealed class InstanceOfNode(Node value, string typeName) : Node
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        var v = value.Eval(ref st);
        return FeelValue.Boolean(typeName switch
        {
            "Any" => !v.IsNull,
            "Null" => v.IsNull,
            "number" => v.Kind == FeelValueKind.Number,
            "string" => v.Kind == FeelValueKind.String,
            "boolean" => v.Kind == FeelValueKind.Boolean,
            "date" => v.Kind == FeelValueKind.Date,
            "time" => v.Kind == FeelValueKind.Time,
            "date and time" => v.Kind == FeelValueKind.DateTime,
            "years and months duration" => v.Kind == FeelValueKind.YearsMonthsDuration,
            "days and time duration" => v.Kind == FeelValueKind.DaysTimeDuration,
            "list" => v.Kind == FeelValueKind.List,
            "context" => v.Kind == FeelValueKind.Context,
            "range" => v.Kind == FeelValueKind.Range,
            "function" => v.Kind == FeelValueKind.Function,
            _ => false,
        });
    }

    public override bool UsesInput => value.UsesInput;

    public override void Print(StringBuilder sb)
    {
        sb.Append('(');
        value.Print(sb);
        sb.Append(" instance of ").Append(typeName).Append(')');
    }
}
