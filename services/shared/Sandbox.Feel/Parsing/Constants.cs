using Sandbox.Feel.Evaluation;
using Sandbox.Feel.Nodes;

namespace Sandbox.Feel.Parsing;

/// <summary>
/// Evaluates lists and ranges made only of literals once, at compile time, so that conditions such as
/// <c>age in [18..67]</c> allocate nothing per evaluation. Values are immutable, so sharing them is safe.
/// </summary>
internal static class Constants
{
    private static readonly FeelEngineOptions FoldOptions = new();

    public static Node Fold(Node node)
    {
        if (!node.IsConstant) return node;
        var st = new EvalState(FoldOptions, "");
        return new ConstNode(node.Eval(ref st));
    }
}
