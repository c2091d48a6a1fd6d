using Sandbox.Feel.Builtins;
using Sandbox.Feel.Evaluation;
using Sandbox.Feel.Nodes;

namespace Sandbox.Feel.Parsing;

internal sealed partial class Parser
{
    private Node Comparison()
    {
        var left = Additive();
        var chain = 0;
        while (true)
        {
            if (ComparisonOperator() is { } op)
            {
                _index++;
                left = new CompareNode(op, left, Additive());
            }
            else if (AcceptWord("between"))
            {
                var low = Additive();
                ExpectWord("and");
                left = new BetweenNode(left, low, Additive());
            }
            else if (AcceptWord("in"))
            {
                left = new InNode(left, InTests());
            }
            else if (Current.IsWord("instance") && Peek(1).IsWord("of"))
            {
                _index += 2;
                left = new InstanceOfNode(left, TypeName());
            }
            else
            {
                break;
            }
            Enter();
            chain++;
        }
        _depth -= chain;
        return left;
    }

    private CompareOp? ComparisonOperator() => Current.Kind != TokenKind.Symbol ? null : Current.Text switch
    {
        "=" => CompareOp.Equal,
        "!=" => CompareOp.NotEqual,
        "<" => CompareOp.Less,
        "<=" => CompareOp.LessOrEqual,
        ">" => CompareOp.Greater,
        ">=" => CompareOp.GreaterOrEqual,
        _ => null,
    };

    private Node Additive()
    {
        var left = Multiplicative();
        var chain = 0;
        while (Current.Is("+") || Current.Is("-"))
        {
            var op = Advance().Text == "+" ? ArithmeticOp.Add : ArithmeticOp.Subtract;
            Enter();
            chain++;
            left = new ArithmeticNode(op, left, Multiplicative());
        }
        _depth -= chain;
        return left;
    }

    private Node Multiplicative()
    {
        var left = Exponent();
        var chain = 0;
        while (Current.Is("*") || Current.Is("/"))
        {
            var op = Advance().Text == "*" ? ArithmeticOp.Multiply : ArithmeticOp.Divide;
            Enter();
            chain++;
            left = new ArithmeticNode(op, left, Exponent());
        }
        _depth -= chain;
        return left;
    }

    private Node Exponent()
    {
        var left = Unary();
        var chain = 0;
        while (Accept("**") || Accept("^"))
        {
            Enter();
            chain++;
            left = new ArithmeticNode(ArithmeticOp.Power, left, Unary());
        }
        _depth -= chain;
        return left;
    }

    private Node Unary()
    {
        if (!Accept("-")) return Postfix();
        Enter();
        var operand = Unary();
        _depth--;
        return operand is ConstNode { Value.Kind: FeelValueKind.Number } number
            ? new ConstNode(FeelValue.Number(-number.Value.RawNumber))
            : new NegateNode(operand);
    }

    private Node Postfix()
    {
        var node = Primary();
        var chain = 0;
        while (true)
        {
            if (Accept("."))
            {
                node = new PathNode(node, Name());
            }
            else if (Current.Is("[") && StartsValue(Peek(1)) && Accept("["))
            {
                var filter = Expression();
                Expect("]");
                node = new FilterNode(node, filter);
            }
            else if (Accept("("))
            {
                node = Call(node);
            }
            else
            {
                break;
            }
            Enter();
            chain++;
        }
        _depth -= chain;
        return node;
    }

    private Node Call(Node callee)
    {
        var args = new List<Node>();
        List<string>? names = null;
        if (!Current.Is(")"))
        {
            do
            {
                if (args.Count == 0 && IsNamedArgument()) names = [];
                if (names is not null)
                {
                    names.Add(Name());
                    Expect(":");
                }
                args.Add(Expression());
            }
            while (Accept(","));
        }
        Expect(")");
        if (callee is NameNode { Name: "is defined" } && args.Count == 1 && names is null) return new IsDefinedNode(args[0]);
        if (callee is NameNode name && BuiltinLibrary.TryGet(name.Name, out var builtin))
        {
            return new BuiltinCallNode(builtin, [.. args], names?.ToArray());
        }
        return new CallNode(callee, [.. args], names?.ToArray());
    }

    // "[" followed by something that cannot start a value closes a range such as "]1..5[" rather than opening a filter.
    private static bool StartsValue(Token token) =>
        token.Kind != TokenKind.End && !token.Is(",") && !token.Is(")") && !token.Is("]");

    private bool IsNamedArgument()
    {
        var i = 0;
        while (Peek(i).Kind == TokenKind.Name) i++;
        return i > 0 && Peek(i).Is(":");
    }
}
