using System.Text;
using Sandbox.Feel.Evaluation;

namespace Sandbox.Feel.Nodes;

internal abstract class BinaryNode(Node left, Node right) : Node
{
    public Node Left => left;
    public Node Right => right;

    public override bool UsesInput => left.UsesInput || right.UsesInput;

    protected void Print(StringBuilder sb, string symbol)
    {
        sb.Append('(');
        left.Print(sb);
        sb.Append(' ').Append(symbol).Append(' ');
        right.Print(sb);
        sb.Append(')');
    }
}

/// <summary>
/// <c>a + b</c> and the like. FEEL names may contain <c>+ - * /</c> (<c>first-name</c>, <c>a + b</c>), which only the
/// variables can tell apart from arithmetic: when the arithmetic gives null, a variable spelled like the whole
/// operation (ignoring white space) is used instead, as feelin does.
/// </summary>
internal sealed class ArithmeticNode(ArithmeticOp op, Node left, Node right) : BinaryNode(left, right)
{
    private readonly string? _nameKey = op != ArithmeticOp.Power && NameKeyOf(left) is { } l && NameKeyOf(right) is { } r
        ? l + Arithmetic.Symbol(op) + r
        : null;

    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        var a = Left.Eval(ref st);
        var b = Right.Eval(ref st);
        if (a.Kind != FeelValueKind.Number) Costs.ChargeOperands(a, b, ref st);
        var result = Arithmetic.Apply(op, a, b, ref st);
        return result.IsNull && _nameKey is not null && st.TryLookupCompact(_nameKey, out var named) ? named : result;
    }

    private static string? NameKeyOf(Node node) => node switch
    {
        NameNode name => FeelNames.Compact(name.Name),
        ArithmeticNode arithmetic => arithmetic._nameKey,
        _ => null,
    };

    public override void Print(StringBuilder sb) => Print(sb, Arithmetic.Symbol(op));
}

internal enum CompareOp : byte { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual }

internal sealed class CompareNode(CompareOp op, Node left, Node right) : BinaryNode(left, right)
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        var a = Left.Eval(ref st);
        var b = Right.Eval(ref st);
        if (a.Kind != FeelValueKind.Number) Costs.ChargeOperands(a, b, ref st);
        return Comparisons.Apply(op, a, b);
    }

    public override void Print(StringBuilder sb) => Print(sb, Comparisons.Symbol(op));
}

internal static class Comparisons
{
    public static string Symbol(CompareOp op) => op switch
    {
        CompareOp.Equal => "=",
        CompareOp.NotEqual => "!=",
        CompareOp.Less => "<",
        CompareOp.LessOrEqual => "<=",
        CompareOp.Greater => ">",
        _ => ">=",
    };

    public static FeelValue Apply(CompareOp op, FeelValue a, FeelValue b)
    {
        int? order;
        if (a.Kind == FeelValueKind.Number && b.Kind == FeelValueKind.Number)
        {
            order = a.RawNumber.CompareTo(b.RawNumber);
        }
        else if (op is CompareOp.Equal or CompareOp.NotEqual)
        {
            var equal = FeelEquality.AreEqual(a, b);
            return equal is null ? FeelValue.Null : FeelValue.Boolean(equal.Value == (op == CompareOp.Equal));
        }
        else
        {
            order = FeelComparison.Compare(a, b);
            if (order is null) return FeelValue.Null;
        }
        return FeelValue.Boolean(op switch
        {
            CompareOp.Equal => order == 0,
            CompareOp.NotEqual => order != 0,
            CompareOp.Less => order < 0,
            CompareOp.LessOrEqual => order <= 0,
            CompareOp.Greater => order > 0,
            _ => order >= 0,
        });
    }
}

internal sealed class AndNode(Node left, Node right) : BinaryNode(left, right)
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        var a = Left.Eval(ref st);
        if (a.IsFalse) return FeelValue.False;
        var b = Right.Eval(ref st);
        if (b.IsFalse) return FeelValue.False;
        return a.IsTrue && b.IsTrue ? FeelValue.True : FeelValue.Null;
    }

    public override void Print(StringBuilder sb) => Print(sb, "and");
}

internal sealed class OrNode(Node left, Node right) : BinaryNode(left, right)
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        var a = Left.Eval(ref st);
        if (a.IsTrue) return FeelValue.True;
        var b = Right.Eval(ref st);
        if (b.IsTrue) return FeelValue.True;
        return a.IsFalse && b.IsFalse ? FeelValue.False : FeelValue.Null;
    }

    public override void Print(StringBuilder sb) => Print(sb, "or");
}

internal sealed class NegateNode(Node operand) : Node
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        return Arithmetic.Negate(operand.Eval(ref st));
    }

    public override bool UsesInput => operand.UsesInput;

    public override void Print(StringBuilder sb)
    {
        sb.Append("(-");
        operand.Print(sb);
        sb.Append(')');
    }
}

internal sealed class BetweenNode(Node value, Node low, Node high) : Node
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        var v = value.Eval(ref st);
        var lower = Comparisons.Apply(CompareOp.GreaterOrEqual, v, low.Eval(ref st));
        var upper = Comparisons.Apply(CompareOp.LessOrEqual, v, high.Eval(ref st));
        if (lower.IsFalse || upper.IsFalse) return FeelValue.False;
        return lower.IsTrue && upper.IsTrue ? FeelValue.True : FeelValue.Null;
    }

    public override bool UsesInput => value.UsesInput || low.UsesInput || high.UsesInput;

    public override void Print(StringBuilder sb)
    {
        sb.Append('(');
        value.Print(sb);
        sb.Append(" between ");
        low.Print(sb);
        sb.Append(" and ");
        high.Print(sb);
        sb.Append(')');
    }
}
