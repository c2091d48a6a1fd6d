using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Sandbox.Workflow.EServices;

/// <summary>Limits on an uploaded package, so that a zip bomb or a huge map is refused before it is parsed.</summary>
public sealed record PackageLimits
{
    /// <summary>Most bytes of the request body (zip or JSON).</summary>
    public long MaxUploadBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Most bytes of all files together once unpacked.</summary>
    public long MaxTotalBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Most bytes of one file once unpacked.</summary>
    public long MaxFileBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Most files in one package.</summary>
    public int MaxFiles { get; init; } = 200;
}

/// <summary>Thrown when an upload cannot be read as a package; <see cref="Exception.Message"/> is safe to show.</summary>
public sealed class PackageFormatException(string file, string message) : Exception(message)
{
    /// <summary>The file at fault, or <c>package</c> for the upload as a whole.</summary>
    public string File { get; } = file;
}

/// <summary>The text files of a package by relative path (forward slashes, no leading folder).</summary>
public sealed class PackageFiles
{
    private readonly SortedDictionary<string, string> files;

    private PackageFiles(SortedDictionary<string, string> files) => this.files = files;

    /// <summary>The relative paths, in ordinal order.</summary>
    public IEnumerable<string> Paths => files.Keys;

    /// <summary>The text of a file, or null when the package has none at that path.</summary>
    public string? this[string path] => files.TryGetValue(Normalize(path) ?? "", out var text) ? text : null;

    /// <summary>SHA-256 over every path and text, so the same content always gives the same hash.</summary>
    public string Hash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, text) in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(path + "\0" + text.Length + "\0"));
            sha.AppendData(Encoding.UTF8.GetBytes(text));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Files from a map of path → text.</summary>
    public static PackageFiles FromMap(IEnumerable<KeyValuePair<string, string>> map, PackageLimits limits)
    {
        var builder = new Builder(limits);
        foreach (var (path, text) in map) builder.Add(path, text);
        return builder.Build();
    }

    /// <summary>Files from a JSON body <c>{"files": {"path": "text"}}</c>.</summary>
    public static PackageFiles FromJson(ReadOnlySpan<byte> json, PackageLimits limits)
    {
        Dictionary<string, string?>? map;
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("files", out var filesNode)
                || filesNode.ValueKind != JsonValueKind.Object)
            {
                throw new PackageFormatException("package", "The body must be {\"files\": {\"path\": \"text\", ...}}");
            }
            map = filesNode.Deserialize<Dictionary<string, string?>>();
        }
        catch (JsonException e)
        {
            throw new PackageFormatException("package", $"The body is not a JSON files map: {e.Message}");
        }
        var builder = new Builder(limits);
        foreach (var (path, text) in map ?? [])
        {
            builder.Add(path, text ?? throw new PackageFormatException(path, "The file's text must be a string"));
        }
        return builder.Build();
    }

    /// <summary>Files from a zip archive. Entries are read with their real size counted, not the size the header claims.</summary>
    public static PackageFiles FromZip(Stream zip, PackageLimits limits)
    {
        var builder = new Builder(limits);
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
            if (archive.Entries.Count > limits.MaxFiles * 2) throw new PackageFormatException("package", $"The zip holds more than {limits.MaxFiles} files");
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\')) continue;
                builder.Add(entry.FullName, ReadEntry(entry, builder, limits));
            }
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            // NotSupportedException: an encrypted entry or a compression method .NET does not read.
            throw new PackageFormatException("package", $"The body is not a readable zip archive: {e.Message}");
        }
        return builder.Build();
    }

    private static string ReadEntry(ZipArchiveEntry entry, Builder builder, PackageLimits limits)
    {
        var allowed = Math.Min(limits.MaxFileBytes, limits.MaxTotalBytes - builder.TotalBytes);
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > allowed) throw new PackageFormatException(entry.FullName, "The file is too large once unpacked");
        }
        return Decode(entry.FullName, buffer.ToArray());
    }

    private static string Decode(string path, byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new PackageFormatException(path, "The file is not UTF-8 text");
        }
    }

    // A relative path of plain segments: no root, drive, "..", "." or empty segment.
    internal static string? Normalize(string path)
    {
        var segments = path.Replace('\\', '/').Split('/');
        if (path.Length == 0 || path.Length > 512 || segments.Any(s => s is "" or "." or ".." || s.Contains(':') || s.Any(char.IsControl)))
        {
            return null;
        }
        return string.Join('/', segments);
    }

    private sealed class Builder(PackageLimits limits)
    {
        private readonly SortedDictionary<string, string> files = new(StringComparer.Ordinal);

        public long TotalBytes { get; private set; }

        public void Add(string rawPath, string text)
        {
            var path = Normalize(rawPath) ?? throw new PackageFormatException(rawPath, "The path must be relative, without '..' or empty parts");
            if (files.Count >= limits.MaxFiles) throw new PackageFormatException("package", $"A package holds at most {limits.MaxFiles} files");
            var bytes = Encoding.UTF8.GetByteCount(text);
            if (bytes > limits.MaxFileBytes) throw new PackageFormatException(path, $"The file is larger than {limits.MaxFileBytes} bytes");
            TotalBytes += bytes;
            if (TotalBytes > limits.MaxTotalBytes) throw new PackageFormatException("package", $"The files are larger than {limits.MaxTotalBytes} bytes together");
            if (!files.TryAdd(path, text.TrimStart('\uFEFF'))) throw new PackageFormatException(path, "The path occurs twice");
        }

        // A zip of the package folder itself ("school-transport/eservice.yaml") is read as if zipped from inside.
        public PackageFiles Build()
        {
            if (files.ContainsKey(EServiceManifest.FileName)) return new PackageFiles(files);
            var roots = files.Keys.Select(k => k.Split('/')[0]).Distinct().ToList();
            if (roots.Count == 1 && files.Keys.All(k => k.Contains('/')))
            {
                var prefix = roots[0] + "/";
                return new PackageFiles(new SortedDictionary<string, string>(
                    files.ToDictionary(f => f.Key[prefix.Length..], f => f.Value), StringComparer.Ordinal));
            }
            return new PackageFiles(files);
        }
    }
}
