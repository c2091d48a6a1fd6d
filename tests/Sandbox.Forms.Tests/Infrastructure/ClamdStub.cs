using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sandbox.Forms.Tests.Infrastructure;

/// <summary>
/// A stand-in for a ClamAV daemon on a real loopback socket, speaking clamd's <c>zINSTREAM</c> command: it reads the
/// chunks (4-byte big-endian length, bytes; a zero length ends) and answers <c>stream: OK</c>, or
/// <c>stream: Eicar-Signature FOUND</c> for a file with the EICAR test string. It keeps what it was sent.
/// </summary>
public sealed class ClamdStub : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ClamdStub()
    {
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The files scanned, as received.</summary>
    public ConcurrentQueue<byte[]> Scanned { get; } = new();

    /// <summary>The chunk lengths of the last file, to see that large files come in several chunks.</summary>
    public List<int> LastChunks { get; private set; } = [];

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                try { await ServeAsync(client.GetStream(), _stop.Token); }
                catch (IOException) { } // the scanner hung up; serve the next one
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task ServeAsync(NetworkStream stream, CancellationToken ct)
    {
        var command = new byte[10];
        await stream.ReadExactlyAsync(command, ct);
        if (Encoding.ASCII.GetString(command) != "zINSTREAM\0")
        {
            await stream.WriteAsync("UNKNOWN COMMAND\0"u8.ToArray(), ct);
            return;
        }
        var file = new MemoryStream();
        var chunks = new List<int>();
        var length = new byte[4];
        while (true)
        {
            await stream.ReadExactlyAsync(length, ct);
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(length);
            if (size == 0) break;
            chunks.Add(size);
            var chunk = new byte[size];
            await stream.ReadExactlyAsync(chunk, ct);
            file.Write(chunk);
        }
        var bytes = file.ToArray();
        Scanned.Enqueue(bytes);
        LastChunks = chunks;
        var infected = Encoding.ASCII.GetString(bytes).Contains(EicarScanner.Eicar, StringComparison.Ordinal);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(infected ? "stream: Eicar-Signature FOUND\0" : "stream: OK\0"), ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
