namespace Sandbox.Forms.Attachments;

/// <summary>
/// Scans an uploaded file before it is stored. With <c>Sandbox:Forms:VirusScanner:Clamd:Host</c> set, a ClamAV daemon
/// scans (<see cref="ClamdScanner"/>); without it the default accepts everything. A scanner of your own:
/// <c>services.AddSingleton&lt;IVirusScanner, MyScanner&gt;()</c>.
/// </summary>
public interface IVirusScanner
{
    /// <summary>
    /// Scans <paramref name="content"/>; a file that is not clean is refused and never stored. Throws
    /// <see cref="VirusScannerUnavailableException"/> when the file could not be scanned (it is then refused too).
    /// </summary>
    Task<ScanVerdict> ScanAsync(ReadOnlyMemory<byte> content, string fileName, CancellationToken ct);
}

/// <summary>The scanner could not scan the file (down, too slow, or it answered an error).</summary>
public sealed class VirusScannerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The outcome of a scan.</summary>
/// <param name="Clean">True when the file may be stored.</param>
/// <param name="Threat">What was found, for the log; null when clean.</param>
public sealed record ScanVerdict(bool Clean, string? Threat = null)
{
    /// <summary>Nothing found.</summary>
    public static ScanVerdict Ok { get; } = new(true);
}

/// <summary>The default: no scanner configured, every file passes.</summary>
internal sealed class NoVirusScanner : IVirusScanner
{
    public Task<ScanVerdict> ScanAsync(ReadOnlyMemory<byte> content, string fileName, CancellationToken ct) => Task.FromResult(ScanVerdict.Ok);
}
