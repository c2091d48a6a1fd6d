using Sandbox.Feel.Builtins;
using Sandbox.Feel.Evaluation;
using Sandbox.Feel.Nodes;
using Sandbox.Feel.Temporal;

namespace Sandbox.Feel.Parsing;

internal sealed partial class Parser
{
    private Node Primary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _index++;
                return new ConstNode(FeelValue.Number(token.Number));
            case TokenKind.String:
                _index++;
                return new ConstNode(FeelValue.String(token.Text));
            case TokenKind.Name:
                return NamePrimary();
        }
        if (Accept("@")) return TemporalLiteral();
        if (Accept("(")) return Parenthesised();
        if (Accept("]")) return RangeRest(Expression(), startIncluded: false, expectDots: true);
        if (Accept("[")) return ListOrRange();
        if (Accept("{")) return ContextLiteral();
        throw Error(token.Kind == TokenKind.End
            ? "Expression ends too early: expected a value"
            : $"Expected a value but found {token.Describe()}");
    }

    private Node NamePrimary()
    {
        switch (Current.Text)
        {
            case "true": _index++; return new ConstNode(FeelValue.True);
            case "false": _index++; return new ConstNode(FeelValue.False);
            case "null": _index++; return new ConstNode(FeelValue.Null);
            case "?": _index++; return new InputNode();
        }
        if (FeelNames.Keywords.Contains(Current.Text) && !(Current.IsWord("not") && Peek(1).Is("(")))
        {
            throw Error($"Expected a value but found keyword '{Current.Text}'");
        }
        var name = Name();
        if (name == "partial") _partialReferences++;
        return new NameNode(name);
    }

    private Node TemporalLiteral()
    {
        var token = Current;
        if (token.Kind != TokenKind.String) throw Error("Expected a string after '@'");
        _index++;
        var value = TemporalParser.ParseLiteral(token.Text);
        if (value.IsNull) throw Error($"\"{token.Text}\" is not a valid date, time or duration", token.Position);
        return new ConstNode(value);
    }

    private Node Parenthesised()
    {
        var inner = Expression();
        if (Accept("..")) return RangeRest(inner, startIncluded: false, expectDots: false);
        Expect(")");
        return inner;
    }

    private Node ListOrRange()
    {
        if (Accept("]")) return new ListNode([]);
        var first = Expression();
        if (Accept("..")) return RangeRest(first, startIncluded: true, expectDots: false);
        var items = new List<Node> { first };
        while (Accept(",")) items.Add(Expression());
        Expect("]");
        return Constants.Fold(new ListNode([.. items]));
    }

    private Node RangeRest(Node start, bool startIncluded, bool expectDots)
    {
        if (expectDots) Expect("..");
        var end = Expression();
        if (Accept("]")) return Constants.Fold(new RangeNode(start, startIncluded, end, true));
        if (Accept(")") || Accept("[")) return Constants.Fold(new RangeNode(start, startIncluded, end, false));
        throw Error($"Expected ']', ')' or '[' to close the range but found {Current.Describe()}");
    }

    private Node ContextLiteral()
    {
        var entries = new List<(string, Node)>();
        if (!Current.Is("}"))
        {
            do
            {
                string key;
                if (Current.Kind == TokenKind.String) key = Advance().Text;
                else if (Current.Kind == TokenKind.Name) key = ContextKey();
                else throw Error($"Expected a context key but found {Current.Describe()}");
                Expect(":");
                entries.Add((key, Expression()));
            }
            while (Accept(","));
        }
        Expect("}");
        return new ContextNode([.. entries]);
    }

    /// <summary>
    /// A name, which may be several words (<c>Monthly Salary</c>, <c>string length</c>). Built-in names that
    /// contain keywords (<c>date and time</c>) are recognised first; otherwise words join until a keyword.
    /// </summary>
    private string Name()
    {
        if (Current.Kind != TokenKind.Name) throw Error($"Expected a name but found {Current.Describe()}");
        if (MatchKeywordName() is { } builtin) return builtin;
        var words = new List<string> { Advance().Text };
        while (Current.Kind == TokenKind.Name && !FeelNames.Keywords.Contains(Current.Text) && Current.Text != "?")
        {
            words.Add(Advance().Text);
        }
        return string.Join(' ', words);
    }

    /// <summary>A context key written as a name; it may contain operators (<c>{a + b: 1}</c>), joined by single spaces.</summary>
    private string ContextKey()
    {
        var parts = new List<string>();
        while (Current.Kind is TokenKind.Name or TokenKind.Number || Current.Is("+") || Current.Is("-") || Current.Is("*")
            || Current.Is("/") || Current.Is("."))
        {
            parts.Add(Advance().Text);
        }
        return string.Join(' ', parts);
    }

    private string? MatchKeywordName()
    {
        foreach (var (candidate, words) in BuiltinLibrary.NamesWithKeywords)
        {
            var matches = true;
            for (var i = 0; i < words.Length && matches; i++) matches = Peek(i).IsWord(words[i]);
            if (matches)
            {
                _index += words.Length;
                return candidate;
            }
        }
        return null;
    }

    /// <summary>A type for <c>instance of</c> or a parameter: words, then any <c>&lt;...&gt;</c> part, which is skipped.</summary>
    private string TypeName()
    {
        var name = MatchKeywordName() ?? (Current.Kind == TokenKind.Name ? Advance().Text : throw Error("Expected a type name"));
        if (!Accept("<")) return name;
        for (var open = 1; open > 0; _index++)
        {
            if (Current.Kind == TokenKind.End) throw Error("Type is not closed with '>'");
            if (Current.Is("<")) open++;
            else if (Current.Is(">")) open--;
        }
        return name;
    }
}
