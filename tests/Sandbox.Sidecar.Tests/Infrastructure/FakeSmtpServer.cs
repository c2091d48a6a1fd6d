using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sandbox.Sidecar.Tests.Infrastructure;

/// <summary>A minimal SMTP server (no TLS, no auth) that keeps the DATA of every mail it accepts.</summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<string> _firstMail = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;

    public FakeSmtpServer()
    {
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Task<string> FirstMail => _firstMail.Task;

    private async Task AcceptAsync()
    {
        try
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 fake ESMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var command = line.Split(' ')[0].ToUpperInvariant();
                if (command is "EHLO" or "HELO") await writer.WriteLineAsync("250 fake");
                else if (command == "DATA")
                {
                    await writer.WriteLineAsync("354 end with .");
                    var mail = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".") mail.AppendLine(data);
                    _firstMail.TrySetResult(mail.ToString());
                    await writer.WriteLineAsync("250 queued");
                }
                else if (command == "QUIT")
                {
                    await writer.WriteLineAsync("221 bye");
                    return;
                }
                else await writer.WriteLineAsync("250 ok");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
