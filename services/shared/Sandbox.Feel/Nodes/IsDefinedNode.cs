using System.Text;
using Sandbox.Feel.Evaluation;

namespace Sandbox.Feel.Nodes;

/// <summary>
/// Camunda's <c>is defined(x)</c>: true when the variable or context entry exists, even if its value is null.
/// It needs the name rather than the value, so it is a node of its own and not a built-in function.
/// </summary>
internal sealed class IsDefinedNode(Node argument) : Node
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        return FeelValue.Boolean(IsDefined(argument, ref st));
    }

    private static bool IsDefined(Node node, ref EvalState st)
    {
        switch (node)
        {
            case NameNode name:
                return st.TryLookup(name.Name, out _);
            case PathNode path:
                if (path.Target is NameNode or PathNode && !IsDefined(path.Target, ref st)) return false;
                var target = path.Target.Eval(ref st);
                return target.Kind == FeelValueKind.Context ? target.RawContext.TryGetValue(path.Name, out _) : !path.Eval(ref st).IsNull;
            default:
                return !node.Eval(ref st).IsNull;
        }
    }

    public override bool UsesInput => argument.UsesInput;

    public override void Print(StringBuilder sb)
    {
        sb.Append("is defined(");
        argument.Print(sb);
        sb.Append(')');
    }
}
