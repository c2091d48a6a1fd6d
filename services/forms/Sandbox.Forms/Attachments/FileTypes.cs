namespace Sandbox.Forms.Attachments;

/// <summary>A file type recognised from its first bytes.</summary>
public sealed record FileType(string ContentType, string[] Extensions);

/// <summary>
/// Recognises a file by its magic bytes, never by its name or the Content-Type the browser sent. PDF, PNG and JPEG
/// are always allowed; GIF and WebP only where a filepicker's <c>accept</c> asks for them.
/// </summary>
public static class FileTypes
{
    public static FileType Pdf { get; } = new("application/pdf", [".pdf"]);
    public static FileType Png { get; } = new("image/png", [".png"]);
    public static FileType Jpeg { get; } = new("image/jpeg", [".jpg", ".jpeg"]);
    public static FileType Gif { get; } = new("image/gif", [".gif"]);
    public static FileType WebP { get; } = new("image/webp", [".webp"]);

    private static readonly FileType[] Always = [Pdf, Png, Jpeg];

    /// <summary>The type of <paramref name="content"/>, or null when it is none the service knows.</summary>
    public static FileType? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8)) return Pdf;
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8)) return Gif;
        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8)) return WebP;
        return null;
    }

    /// <summary>
    /// True when <paramref name="type"/> may be uploaded: with no <paramref name="accept"/>, the always allowed types;
    /// with one (<c>.pdf,image/*</c>), the recognised types it names.
    /// </summary>
    public static bool IsAllowed(FileType type, string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept)) return Always.Contains(type);
        foreach (var raw in accept.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var entry = raw.ToLowerInvariant();
            if (entry == type.ContentType || type.Extensions.Contains(entry)) return true;
            if (entry.EndsWith("/*", StringComparison.Ordinal) && type.ContentType.StartsWith(entry[..^1], StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
