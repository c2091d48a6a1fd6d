using Sandbox.Feel.Nodes;

namespace Sandbox.Feel.Parsing;

internal sealed partial class Parser
{
    /// <summary>Unary tests as a whole: <c>-</c>, <c>not(...)</c>, or a comma-separated list of tests.</summary>
    private UnaryTest[] UnaryTestsTop()
    {
        if (Current.Is("-") && Peek(1).Kind == TokenKind.End)
        {
            _index++;
            return [new AnyTest()];
        }
        if (Current.IsWord("not") && Peek(1).Is("(") && ClosesAtEnd(1))
        {
            _index += 2;
            var negated = TestList(Expression);
            Expect(")");
            return [new NotTest(negated)];
        }
        // "(>= 3, < 10)": a parenthesised list of tests, as feelin accepts.
        if (Current.Is("(") && IsComparisonSymbol(Peek(1)) && ClosesAtEnd(0))
        {
            _index++;
            var tests = TestList(Expression);
            Expect(")");
            return tests;
        }
        return TestList(Expression);
    }

    private static bool IsComparisonSymbol(Token token) =>
        token.Kind == TokenKind.Symbol && token.Text is "<" or "<=" or ">" or ">=" or "=" or "!=";

    // The parenthesis at Peek(first) is a wrapper only when its closing parenthesis ends the text.
    private bool ClosesAtEnd(int first)
    {
        var open = 0;
        for (var i = first; Peek(i).Kind != TokenKind.End; i++)
        {
            if (Peek(i).Is("(")) open++;
            else if (Peek(i).Is(")") && --open == 0) return Peek(i + 1).Kind == TokenKind.End;
        }
        return false;
    }

    /// <summary>The right side of <c>in</c>: one test, or a parenthesised list of tests, or an open-start range.</summary>
    private UnaryTest[] InTests()
    {
        if (!Current.Is("(")) return [PositiveTest(Additive)];
        _index++;
        UnaryTest[] tests;
        if (ComparisonOperator() is null)
        {
            var first = Expression();
            if (Accept(".."))
            {
                return [new ExpressionTest(RangeRest(first, startIncluded: false, expectDots: false))];
            }
            var rest = new List<UnaryTest> { new ExpressionTest(first) };
            while (Accept(",")) rest.Add(PositiveTest(Expression));
            tests = [.. rest];
        }
        else
        {
            tests = TestList(Expression);
        }
        Expect(")");
        return tests;
    }

    private UnaryTest[] TestList(Func<Node> operand)
    {
        var tests = new List<UnaryTest>();
        do
        {
            tests.Add(PositiveTest(operand));
        }
        while (Accept(","));
        return [.. tests];
    }

    private UnaryTest PositiveTest(Func<Node> operand)
    {
        if (ComparisonOperator() is { } op)
        {
            _index++;
            return new ComparisonTest(op, operand());
        }
        return new ExpressionTest(operand());
    }
}
