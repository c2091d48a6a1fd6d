using System.Text;
using Sandbox.Feel.Parsing;

namespace Sandbox.Feel;

/// <summary>Rules for names: which words end a name, and how to write a name back.</summary>
internal static class FeelNames
{
    /// <summary>
    /// Words that cannot continue a multi-word name because they continue the expression instead. "of" is not
    /// one: it only follows "instance", which already ends a name, so "date of birth" stays one name.
    /// </summary>
    public static readonly HashSet<string> Keywords =
    [
        "and", "or", "between", "in", "instance", "then", "else", "return", "satisfies",
        "if", "for", "some", "every", "function", "true", "false", "null", "not",
    ];

    /// <summary>The name without white space, for matching names that contain operators.</summary>
    public static string Compact(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c)));

    public static bool IsPlainName(string name)
    {
        var words = name.Split(' ');
        foreach (var word in words)
        {
            if (word.Length == 0 || !Lexer.IsNameStart(word[0]) || Keywords.Contains(word) || word == "?") return false;
            foreach (var c in word)
            {
                if (!Lexer.IsNamePart(c)) return false;
            }
        }
        return true;
    }

    public static void Print(StringBuilder sb, string name)
    {
        if (IsPlainName(name)) sb.Append(name);
        else sb.Append('`').Append(name).Append('`');
    }
}
