namespace Sandbox.Feel.Parsing;

internal enum TokenKind : byte
{
    Number,
    String,
    Name,
    Symbol,
    End,
}

/// <summary>A lexical token; <see cref="Text"/> is the symbol, name or decoded string.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, decimal Number, int Position)
{
    public bool Is(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    public bool IsWord(string word) => Kind == TokenKind.Name && Text == word;

    public string Describe() => Kind switch
    {
        TokenKind.End => "end of expression",
        TokenKind.String => $"string \"{Text}\"",
        TokenKind.Number => $"number {Text}",
        _ => $"'{Text}'",
    };
}
