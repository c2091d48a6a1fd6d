using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sandbox.Feel.Builtins;

/// <summary>
/// Adapts an XPath regular expression (the dialect FEEL uses) to .NET: <c>.</c> matches a whole code point
/// rather than half of a surrogate pair, <c>\u{1F600}</c> names a code point, and a back-reference inside a
/// character class, which XPath forbids, makes the pattern invalid.
/// </summary>
internal static class RegexTranslator
{
    private const string AnyCodePoint = @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|.)";

    /// <summary>The .NET pattern, or null when the pattern is not valid XPath.</summary>
    public static string? Translate(string pattern)
    {
        var sb = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                if (next == 'u' && i + 2 < pattern.Length && pattern[i + 2] == '{')
                {
                    var close = pattern.IndexOf('}', i + 3);
                    if (close < 0 || !int.TryParse(pattern.AsSpan(i + 3, close - i - 3), NumberStyles.HexNumber,
                        CultureInfo.InvariantCulture, out var code) || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                    {
                        return null;
                    }
                    sb.Append(Regex.Escape(char.ConvertFromUtf32(code)));
                    i = close;
                    continue;
                }
                if (inClass && char.IsAsciiDigit(next)) return null;
                sb.Append(c).Append(next);
                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
                sb.Append(c);
            }
            else if (c == '[')
            {
                inClass = true;
                sb.Append(c);
                // A "]" right after "[" or "[^" is a literal, not the end of the class.
                if (i + 1 < pattern.Length && pattern[i + 1] == '^') sb.Append(pattern[++i]);
                if (i + 1 < pattern.Length && pattern[i + 1] == ']') sb.Append(pattern[++i]);
            }
            else
            {
                sb.Append(c == '.' ? AnyCodePoint : c.ToString());
            }
        }
        return sb.ToString();
    }
}
