using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Sandbox.Forms.Rendering.Internal;

/// <summary>Encoding and naming helpers: every text and attribute value goes through <see cref="Encode"/>.</summary>
internal static class Html
{
    // All of Unicode stays readable; only what HTML needs escaped (and unsafe code points) is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => text is null ? "" : Encoder.Encode(text);

    /// <summary>The id of the input for a data path: <c>field-</c> plus the path with every other character than a letter or digit as <c>-</c>.</summary>
    public static string Id(string path)
    {
        var sb = new StringBuilder("field-", path.Length + 6);
        foreach (var c in path) sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        return sb.ToString();
    }

    public static StringBuilder Attr(this StringBuilder sb, string name, string? value)
    {
        if (value is null) return sb;
        return sb.Append(' ').Append(name).Append("=\"").Append(Encode(value)).Append('"');
    }

    public static StringBuilder Flag(this StringBuilder sb, string name, bool on) => on ? sb.Append(' ').Append(name) : sb;

    public static StringBuilder Text(this StringBuilder sb, string? text) => sb.Append(Encode(text));

    /// <summary>Space-separated ids, or null when there are none.</summary>
    public static string? Ids(params string?[] ids)
    {
        var present = ids.Where(i => !string.IsNullOrEmpty(i)).ToArray();
        return present.Length == 0 ? null : string.Join(' ', present);
    }
}
