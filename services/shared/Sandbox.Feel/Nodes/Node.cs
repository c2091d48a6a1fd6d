using System.Text;
using Sandbox.Feel.Evaluation;

namespace Sandbox.Feel.Nodes;

/// <summary>A compiled expression node. Nodes are immutable, so one tree serves concurrent evaluations.</summary>
internal abstract class Node
{
    public abstract FeelValue Eval(ref EvalState st);

    /// <summary>Writes the node back as FEEL text, fully parenthesised (used by round-trip checks and messages).</summary>
    public abstract void Print(StringBuilder sb);

    /// <summary>True when the node reads the unary-test input <c>?</c> somewhere below it.</summary>
    public virtual bool UsesInput => false;

    /// <summary>True when the node's value depends on nothing but its own text (it can be folded at compile time).</summary>
    public virtual bool IsConstant => false;

    public override string ToString()
    {
        var sb = new StringBuilder();
        Print(sb);
        return sb.ToString();
    }
}

internal sealed class ConstNode(FeelValue value) : Node
{
    public FeelValue Value => value;

    public override bool IsConstant => true;

    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        return value;
    }

    public override void Print(StringBuilder sb)
    {
        var text = value.ToString();
        // A negative literal is printed in parentheses so that "a - -1" stays unambiguous.
        if (value.Kind == FeelValueKind.Number && value.RawNumber < 0) sb.Append('(').Append(text).Append(')');
        else sb.Append(text);
    }
}

internal sealed class NameNode(string name) : Node
{
    public string Name => name;

    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        st.TryLookup(name, out var value);
        return value;
    }

    public override void Print(StringBuilder sb) => FeelNames.Print(sb, name);
}

/// <summary>The <c>?</c> of unary tests: the value being tested.</summary>
internal sealed class InputNode : Node
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        return st.Input;
    }

    public override bool UsesInput => true;

    public override void Print(StringBuilder sb) => sb.Append('?');
}
