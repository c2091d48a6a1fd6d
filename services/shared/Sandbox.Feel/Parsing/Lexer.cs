using System.Globalization;
using System.Text;

namespace Sandbox.Feel.Parsing;

/// <summary>Splits FEEL text into tokens; comments and white space are dropped.</summary>
internal sealed class Lexer(string text, int start = 0)
{
    private static readonly string[] Symbols =
        ["**", "..", "<=", ">=", "!=", "=", "<", ">", "+", "-", "*", "/", "^", "(", ")", "[", "]", "{", "}", ",", ".", ":", "@"];

    private readonly List<Token> _tokens = [];
    private int _pos = start;

    public List<Token> Tokenize()
    {
        while (SkipSpaceAndComments())
        {
            var c = text[_pos];
            if (char.IsAsciiDigit(c) || (c == '.' && NextIsDigit() && !AfterOperand())) ReadNumber();
            else if (c == '"') ReadString();
            else if (c == '`') ReadQuotedName();
            else if (IsNameStart(c)) ReadName();
            else ReadSymbol();
        }
        _tokens.Add(new Token(TokenKind.End, "", 0, text.Length));
        return _tokens;
    }

    public static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or '?' or '$';

    public static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c is '_' or '?' or '$' or '\'';

    private bool SkipSpaceAndComments()
    {
        while (_pos < text.Length)
        {
            if (char.IsWhiteSpace(text[_pos])) _pos++;
            else if (At("//")) SkipTo("\n", "");
            else if (At("/*")) SkipTo("*/", "Comment is not closed");
            else return true;
        }
        return false;
    }

    private void SkipTo(string end, string unclosedMessage)
    {
        var start = _pos;
        var found = text.IndexOf(end, _pos + 2, StringComparison.Ordinal);
        if (found < 0 && unclosedMessage.Length > 0) throw Error(unclosedMessage, start);
        _pos = found < 0 ? text.Length : found + end.Length;
    }

    private void ReadNumber()
    {
        var start = _pos;
        while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
        if (_pos < text.Length && text[_pos] == '.' && NextIsDigit())
        {
            _pos++;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
        }
        if (_pos < text.Length && text[_pos] is 'e' or 'E')
        {
            var save = _pos++;
            if (_pos < text.Length && text[_pos] is '+' or '-') _pos++;
            if (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
            {
                while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
            }
            else
            {
                _pos = save;
            }
        }
        var literal = text[start.._pos];
        if (!decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw Error($"Number {literal} is out of range", start);
        }
        _tokens.Add(new Token(TokenKind.Number, literal, value, start));
    }

    private void ReadString()
    {
        var start = _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= text.Length) throw Error("String is not closed", start);
            var c = text[_pos++];
            if (c == '"') break;
            if (c != '\\') { sb.Append(c); continue; }
            if (_pos >= text.Length) throw Error("String is not closed", start);
            var e = text[_pos++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                // "\u{1F600}" is a regular-expression escape, kept for matches() and replace().
                case 'u' when _pos < text.Length && text[_pos] == '{': sb.Append("\\u"); break;
                case 'u': sb.Append(ReadHex(4)); break;
                case 'U': sb.Append(ReadHex(6)); break;
                case '"' or '\\' or '\'': sb.Append(e); break;
                // Other escapes are kept as written so that regular expressions such as "\d+" reach matches() intact.
                default: sb.Append('\\').Append(e); break;
            }
        }
        _tokens.Add(new Token(TokenKind.String, sb.ToString(), 0, start));
    }

    private string ReadHex(int digits)
    {
        var start = _pos;
        if (_pos + digits > text.Length
            || !int.TryParse(text.AsSpan(_pos, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
            || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF && digits == 6)
        {
            throw Error("Invalid unicode escape", start);
        }
        _pos += digits;
        return char.ConvertFromUtf32(code is >= 0xD800 and <= 0xDFFF ? 0xFFFD : code);
    }

    private void ReadQuotedName()
    {
        var start = _pos;
        var end = text.IndexOf('`', _pos + 1);
        if (end < 0) throw Error("Quoted name is not closed", start);
        _tokens.Add(new Token(TokenKind.Name, text[(_pos + 1)..end], 0, start));
        _pos = end + 1;
    }

    private void ReadName()
    {
        var start = _pos++;
        while (_pos < text.Length && IsNamePart(text[_pos])) _pos++;
        _tokens.Add(new Token(TokenKind.Name, text[start.._pos], 0, start));
    }

    private void ReadSymbol()
    {
        foreach (var symbol in Symbols)
        {
            if (symbol[0] == text[_pos] && At(symbol))
            {
                _tokens.Add(new Token(TokenKind.Symbol, symbol, 0, _pos));
                _pos += symbol.Length;
                return;
            }
        }
        throw Error($"Unexpected character '{text[_pos]}'", _pos);
    }

    private bool At(string s) => string.CompareOrdinal(text, _pos, s, 0, s.Length) == 0;

    private bool NextIsDigit() => _pos + 1 < text.Length && char.IsAsciiDigit(text[_pos + 1]);

    // ".5" after a name or closing bracket is a path step, not a number.
    private bool AfterOperand() => _tokens.Count > 0 && _tokens[^1] is var t
        && (t.Kind is TokenKind.Name or TokenKind.Number or TokenKind.String || t.Is(")") || t.Is("]") || t.Is("}"));

    private FeelException Error(string reason, int position) => SourcePosition.Error(text, reason, position);
}

internal static class SourcePosition
{
    public static FeelException Error(string text, string reason, int position)
    {
        int line = 1, column = 1;
        for (var i = 0; i < position && i < text.Length; i++)
        {
            if (text[i] == '\n') { line++; column = 1; }
            else column++;
        }
        return new FeelException(reason, text, line, column);
    }
}
