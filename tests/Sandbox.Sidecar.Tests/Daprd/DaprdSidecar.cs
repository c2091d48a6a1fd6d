using System.Diagnostics;
using Dapr.Client;
using Sandbox.Sidecar.Tests.Infrastructure;

namespace Sandbox.Sidecar.Tests.Daprd;

/// <summary>The real daprd, when installed (on PATH or in ~/.dapr/bin), started for one app.</summary>
public sealed class DaprdSidecar : IAsyncDisposable
{
    private readonly Process _process;

    private DaprdSidecar(Process process, SidecarApp app)
    {
        _process = process;
        App = app;
    }

    public SidecarApp App { get; }

    public static string? Find()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "daprd")).FirstOrDefault(File.Exists);
        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dapr", "bin", "daprd");
        return onPath ?? (File.Exists(home) ? home : null);
    }

    /// <summary>The daprd to run, or a skip saying it is not installed.</summary>
    public static string Require()
    {
        if (Find() is { } daprd) return daprd;
        Assert.Skip("daprd not installed: skipped (install it with 'dapr init --slim' to run the conformance suite against real daprd)");
        return "";
    }

    public static async Task<DaprdSidecar> StartAsync(string daprd, string resources, SidecarApp app)
    {
        var info = new ProcessStartInfo(daprd) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "--app-id", app.Id, "--app-port", app.AppPort.ToString(), "--dapr-http-port", app.HttpPort.ToString(),
            "--dapr-grpc-port", app.GrpcPort.ToString(), "--dapr-internal-grpc-port", Ports.Free().ToString(),
            "--metrics-port", Ports.Free().ToString(), "--resources-path", resources, "--dapr-listen-addresses", "127.0.0.1",
        })
            info.ArgumentList.Add(arg);
        info.Environment["DAPR_API_TOKEN"] = SidecarProcess.Token;
        var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var sidecar = new DaprdSidecar(process, app);
        using var client = app.Client(SidecarProcess.Token);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await client.WaitForSidecarAsync(limit.Token);
        return sidecar;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
