using System.Text;
using Sandbox.Feel.Evaluation;

namespace Sandbox.Feel.Nodes;

/// <summary>One positive unary test: <c>&lt; 10</c>, <c>[1..5]</c>, <c>"a"</c>, <c>? &gt; 3</c>, or <c>-</c>.</summary>
internal abstract class UnaryTest
{
    public abstract bool? Test(FeelValue input, ref EvalState st);

    public abstract void Print(StringBuilder sb);

    public virtual bool UsesInput => false;

    /// <summary>True if any test is true; else null if any gave null; else false.</summary>
    public static bool? Any(UnaryTest[] tests, FeelValue input, ref EvalState st)
    {
        var sawNull = false;
        foreach (var test in tests)
        {
            var result = test.Test(input, ref st);
            if (result == true) return true;
            if (result is null) sawNull = true;
        }
        return sawNull ? null : false;
    }

    public static void PrintAll(StringBuilder sb, UnaryTest[] tests)
    {
        for (var i = 0; i < tests.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            tests[i].Print(sb);
        }
    }
}

internal sealed class ComparisonTest(CompareOp op, Node operand) : UnaryTest
{
    /// <summary>The test as a range open on one side (<c>&lt; 10</c>), when its operand is a constant.</summary>
    public FeelValue? Range => operand is ConstNode { Value: var v } && op is not (CompareOp.Equal or CompareOp.NotEqual)
        ? FeelValue.RangeOf(op is CompareOp.Less or CompareOp.LessOrEqual
            ? new FeelRange(FeelValue.Null, false, v, op == CompareOp.LessOrEqual)
            : new FeelRange(v, op == CompareOp.GreaterOrEqual, FeelValue.Null, false))
        : null;

    public override bool? Test(FeelValue input, ref EvalState st) =>
        Comparisons.Apply(op, input, operand.Eval(ref st)).AsBoolean();

    public override bool UsesInput => operand.UsesInput;

    public override void Print(StringBuilder sb)
    {
        sb.Append(Comparisons.Symbol(op)).Append(' ');
        operand.Print(sb);
    }
}

/// <summary>
/// A test given as an expression: a boolean when it mentions <c>?</c>; otherwise the input must lie in the
/// range, be in the list, or equal the value.
/// </summary>
internal sealed class ExpressionTest(Node expression) : UnaryTest
{
    private readonly bool _usesInput = expression.UsesInput;

    /// <summary>The value of the expression when it is a constant.</summary>
    public FeelValue? Constant => expression is ConstNode c ? c.Value : null;

    public override bool? Test(FeelValue input, ref EvalState st)
    {
        var saved = st.Input;
        st.Input = input;
        try
        {
            var result = expression.Eval(ref st);
            Costs.ChargeOperands(input, result, ref st);
            return _usesInput ? result.AsBoolean() : Matches(input, result);
        }
        finally
        {
            st.Input = saved;
        }
    }

    private static bool? Matches(FeelValue input, FeelValue expected)
    {
        switch (expected.Kind)
        {
            case FeelValueKind.Range:
                return expected.RawRange.Contains(input);
            case FeelValueKind.List:
                if (input.Kind == FeelValueKind.List && FeelEquality.AreEqual(input, expected) == true) return true;
                foreach (var item in expected.RawList)
                {
                    if (Matches(input, item) == true) return true;
                }
                return false;
            default:
                return FeelEquality.AreEqual(input, expected);
        }
    }

    public override bool UsesInput => _usesInput;

    public override void Print(StringBuilder sb) => expression.Print(sb);
}

internal sealed class AnyTest : UnaryTest
{
    public override bool? Test(FeelValue input, ref EvalState st) => true;

    public override void Print(StringBuilder sb) => sb.Append('-');
}

internal sealed class NotTest(UnaryTest[] tests) : UnaryTest
{
    public override bool? Test(FeelValue input, ref EvalState st) => !Any(tests, input, ref st);

    public override void Print(StringBuilder sb)
    {
        sb.Append("not(");
        PrintAll(sb, tests);
        sb.Append(')');
    }
}

/// <summary><c>value in tests</c>.</summary>
internal sealed class InNode(Node value, UnaryTest[] tests) : Node
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        var result = UnaryTest.Any(tests, value.Eval(ref st), ref st);
        return result is { } b ? FeelValue.Boolean(b) : FeelValue.Null;
    }

    public override bool UsesInput => value.UsesInput || tests.Any(t => t.UsesInput);

    public override void Print(StringBuilder sb)
    {
        sb.Append('(');
        value.Print(sb);
        sb.Append(" in (");
        UnaryTest.PrintAll(sb, tests);
        sb.Append("))");
    }
}
