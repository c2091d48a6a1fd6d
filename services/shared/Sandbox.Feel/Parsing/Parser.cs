using Sandbox.Feel.Evaluation;
using Sandbox.Feel.Nodes;

namespace Sandbox.Feel.Parsing;

/// <summary>
/// Recursive-descent parser for FEEL expressions and unary tests. Precedence from low to high:
/// if/for/some/every/function, or, and, comparison (= != &lt; between in instance of), + -, * /, **, unary minus,
/// postfix (path, filter, call), primary.
/// </summary>
internal sealed partial class Parser
{
    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly int _maxDepth;
    private int _index;
    private int _depth;
    private int _partialReferences;

    private Parser(string text, int maxDepth, int start = 0)
    {
        _text = text;
        _maxDepth = maxDepth;
        _tokens = new Lexer(text, start).Tokenize();
    }

    /// <summary>Parses from <paramref name="start"/> on; positions in errors still count from the start of the text.</summary>
    public static Node ParseExpression(string text, int maxDepth, int start = 0)
    {
        var parser = new Parser(text, maxDepth, start);
        var node = parser.Expression();
        parser.ExpectEnd();
        return node;
    }

    public static UnaryTest[] ParseUnaryTests(string text, int maxDepth)
    {
        var parser = new Parser(text, maxDepth);
        var tests = parser.UnaryTestsTop();
        parser.ExpectEnd();
        return tests;
    }

    private Token Current => _tokens[_index];

    private Token Peek(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private Token Advance()
    {
        var token = Current;
        if (_index < _tokens.Count - 1) _index++;
        return token;
    }

    private bool Accept(string symbol)
    {
        if (!Current.Is(symbol)) return false;
        _index++;
        return true;
    }

    private bool AcceptWord(string word)
    {
        if (!Current.IsWord(word)) return false;
        _index++;
        return true;
    }

    private void Expect(string symbol)
    {
        if (!Accept(symbol)) throw Error($"Expected '{symbol}' but found {Current.Describe()}");
    }

    private void ExpectWord(string word)
    {
        if (!AcceptWord(word)) throw Error($"Expected '{word}' but found {Current.Describe()}");
    }

    private void ExpectEnd()
    {
        if (Current.Kind != TokenKind.End) throw Error($"Unexpected {Current.Describe()}");
    }

    private FeelException Error(string reason) => Error(reason, Current.Position);

    private FeelException Error(string reason, int position) => SourcePosition.Error(_text, reason, position);

    private void Enter()
    {
        if (++_depth > _maxDepth) throw Error($"Expression is nested deeper than {_maxDepth} levels");
    }

    private Node Expression()
    {
        Enter();
        try
        {
            if (Current.IsWord("if")) return If();
            if (Current.IsWord("for") && IsIteratorStart()) return For();
            if ((Current.IsWord("some") || Current.IsWord("every")) && IsIteratorStart()) return Quantified();
            if (Current.IsWord("function") && Peek(1).Is("(")) return FunctionDefinition();
            return Disjunction();
        }
        finally
        {
            _depth--;
        }
    }

    private bool IsIteratorStart() => Peek(1).Kind == TokenKind.Name && Peek(2).IsWord("in");

    private Node If()
    {
        _index++;
        var condition = Expression();
        ExpectWord("then");
        var then = Expression();
        ExpectWord("else");
        return new IfNode(condition, then, Expression());
    }

    private Node For()
    {
        _index++;
        var iterators = Iterators();
        ExpectWord("return");
        var before = _partialReferences;
        var body = Expression();
        return new ForNode(iterators, body, usesPartial: _partialReferences > before);
    }

    private Node Quantified()
    {
        var every = Advance().Text == "every";
        var iterators = Iterators();
        ExpectWord("satisfies");
        return new QuantifiedNode(every, iterators, Expression());
    }

    private Iterator[] Iterators()
    {
        var iterators = new List<Iterator>();
        do
        {
            var name = Name();
            ExpectWord("in");
            var domain = Expression();
            if (Accept("..")) domain = new RangeNode(domain, true, Expression(), true);
            iterators.Add(new Iterator(name, domain));
        }
        while (Accept(","));
        return [.. iterators];
    }

    private Node FunctionDefinition()
    {
        _index++;
        Expect("(");
        var parameters = new List<string>();
        if (!Current.Is(")"))
        {
            do
            {
                parameters.Add(Name());
                if (Accept(":")) TypeName();
            }
            while (Accept(","));
        }
        Expect(")");
        return new FunctionDefinitionNode([.. parameters], Expression());
    }

    // Each operator in a chain deepens the tree by one, so chains count towards the nesting limit too.
    private Node Disjunction()
    {
        var left = Conjunction();
        var chain = 0;
        for (; AcceptWord("or"); chain++)
        {
            Enter();
            left = new OrNode(left, Conjunction());
        }
        _depth -= chain;
        return left;
    }

    private Node Conjunction()
    {
        var left = Comparison();
        var chain = 0;
        for (; AcceptWord("and"); chain++)
        {
            Enter();
            left = new AndNode(left, Comparison());
        }
        _depth -= chain;
        return left;
    }
}
