using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sandbox.Sidecar.Benchmarks;

/// <summary>A Sandbox.Sidecar process from this tool's build output, ready once it logs its ready line.</summary>
public sealed class SidecarRunner : IAsyncDisposable
{
    public const string Token = "bench-token";
    private readonly Process _process;

    private SidecarRunner(Process process) => _process = process;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<SidecarRunner> StartAsync(string resources, string data, params string[] apps)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Sandbox.Sidecar.dll"));
        foreach (var arg in new[] { "--resources-path", resources, "--data", data }.Concat(apps.SelectMany(a => new[] { "--app", a })))
            info.ArgumentList.Add(arg);
        info.Environment["DAPR_API_TOKEN"] = Token;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Sandbox.Sidecar ready", StringComparison.Ordinal) == true) ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) Console.Error.WriteLine($"sidecar: {e.Data}");
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return new SidecarRunner(process);
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
