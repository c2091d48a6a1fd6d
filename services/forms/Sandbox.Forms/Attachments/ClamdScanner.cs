using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Sandbox.Forms.Attachments;

/// <summary>Where a ClamAV daemon listens: <c>Sandbox:Forms:VirusScanner:Clamd</c>.</summary>
public sealed class ClamdOptions
{
    /// <summary>The clamd host; empty leaves virus scanning off.</summary>
    public string Host { get; set; } = "";

    /// <summary>The clamd TCP port (clamd's <c>TCPSocket</c>, 3310 by default).</summary>
    public int Port { get; set; } = 3310;

    /// <summary>How long one scan may take, connecting included, before the upload is refused as unscanned.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Scans uploads with a ClamAV daemon over TCP, with its <c>INSTREAM</c> command: the file goes in chunks (each a
/// 4-byte big-endian length and the bytes, ended by a zero length) and clamd answers <c>stream: OK</c>,
/// <c>stream: &lt;name&gt; FOUND</c> or <c>... ERROR</c>. A daemon that cannot be reached, times out or answers an
/// error makes the scan throw <see cref="VirusScannerUnavailableException"/>, so a file is never accepted unscanned.
/// The file must fit clamd's <c>StreamMaxLength</c> (25 MB by default, above the upload limit).
/// </summary>
public sealed class ClamdScanner(ClamdOptions options) : IVirusScanner
{
    private const int ChunkSize = 64 * 1024;

    /// <inheritdoc />
    public async Task<ScanVerdict> ScanAsync(ReadOnlyMemory<byte> content, string fileName, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        string reply;
        try
        {
            reply = await ExchangeAsync(content, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or IOException || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new VirusScannerUnavailableException($"clamd at {options.Host}:{options.Port} did not scan the file: {e.Message}", e);
        }
        return Parse(reply);
    }

    private async Task<string> ExchangeAsync(ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(options.Host, options.Port, ct);
        await using var stream = client.GetStream();
        await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), ct);
        var length = new byte[4];
        for (var offset = 0; offset < content.Length; offset += ChunkSize)
        {
            var chunk = content.Slice(offset, Math.Min(ChunkSize, content.Length - offset));
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)chunk.Length);
            await stream.WriteAsync(length, ct);
            await stream.WriteAsync(chunk, ct);
        }
        BinaryPrimitives.WriteUInt32BigEndian(length, 0);
        await stream.WriteAsync(length, ct);
        await stream.FlushAsync(ct);

        // The answer ends with a NUL (the "z" form of the command), or when clamd closes the connection.
        var answer = new MemoryStream();
        var buffer = new byte[256];
        while (answer.Length < 4096)
        {
            var read = await stream.ReadAsync(buffer, ct);
            if (read == 0) break;
            var end = Array.IndexOf(buffer, (byte)0, 0, read);
            answer.Write(buffer, 0, end >= 0 ? end : read);
            if (end >= 0) break;
        }
        return Encoding.ASCII.GetString(answer.GetBuffer(), 0, (int)answer.Length).Trim();
    }

    private ScanVerdict Parse(string reply)
    {
        var result = reply.StartsWith("stream:", StringComparison.Ordinal) ? reply["stream:".Length..].Trim() : reply;
        if (result == "OK") return ScanVerdict.Ok;
        if (result.EndsWith(" FOUND", StringComparison.Ordinal)) return new ScanVerdict(false, result[..^" FOUND".Length]);
        throw new VirusScannerUnavailableException($"clamd at {options.Host}:{options.Port} answered '{reply}'");
    }
}
