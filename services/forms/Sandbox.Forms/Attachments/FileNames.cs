using System.Text;

namespace Sandbox.Forms.Attachments;

/// <summary>
/// Makes an uploaded file's name safe to show and to offer for download: only the last path segment, no control or
/// reserved characters, no leading dots, at most 255 characters. The name is never used to store the file.
/// </summary>
public static class FileNames
{
    private const int MaxLength = 255;
    private static readonly char[] Reserved = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    public static string Sanitize(string? name, FileType type)
    {
        var text = (name ?? "").Normalize(NormalizationForm.FormC);
        var slash = text.LastIndexOfAny(['/', '\\']);
        if (slash >= 0) text = text[(slash + 1)..];
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) || Reserved.Contains(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format) continue;
            clean.Append(c);
        }
        var result = clean.ToString().Trim().TrimStart('.').Trim();
        if (result.Length == 0) result = "file" + type.Extensions[0];
        if (result.Length > MaxLength)
        {
            var extension = Path.GetExtension(result);
            result = extension.Length < 20 ? result[..(MaxLength - extension.Length)] + extension : result[..MaxLength];
        }
        return result;
    }
}
