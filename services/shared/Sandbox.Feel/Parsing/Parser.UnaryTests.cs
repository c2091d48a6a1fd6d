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
        if (Current.IsWord("not") && Peek(1).Is("(") && ClosesAtEnd())
        {
            _index += 2;
            var negated = TestList(Expression);
            Expect(")");
            return [new NotTest(negated)];
        }
        return TestList(Expression);
    }

    // "not(1, 2)" is a negated test list only when its closing parenthesis ends the text.
    private bool ClosesAtEnd()
    {
        var open = 0;
        for (var i = 1; Peek(i).Kind != TokenKind.End; i++)
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
