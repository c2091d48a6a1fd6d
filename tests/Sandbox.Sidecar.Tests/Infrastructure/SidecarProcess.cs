using System.Diagnostics;
using System.Text;
using Dapr.Client;

namespace Sandbox.Sidecar.Tests.Infrastructure;

/// <summary>One app as a test sees it: its id and the Dapr ports of its sidecar.</summary>
public sealed record SidecarApp(string Id, int AppPort, int HttpPort, int GrpcPort)
{
    public static SidecarApp Create(string id, int appPort = 0) => new(id, appPort, Ports.Free(), Ports.Free());

    public string Arg => $"{Id}:{AppPort}:{HttpPort}:{GrpcPort}";

    public Uri HttpEndpoint => new($"http://127.0.0.1:{HttpPort}");

    public DaprClient Client(string? token) => new DaprClientBuilder()
        .UseHttpEndpoint(HttpEndpoint.ToString())
        .UseGrpcEndpoint($"http://127.0.0.1:{GrpcPort}")
        .UseDaprApiToken(token)
        .Build();
}

/// <summary>
/// A real Sandbox.Sidecar process, started from the build output of the project reference (<c>dotnet Sandbox.Sidecar.dll</c>),
/// ready once it logs its ready line.
/// </summary>
public sealed class SidecarProcess : IAsyncDisposable
{
    public const string Token = "test-token";
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SidecarProcess(Process process) => _process = process;

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Sandbox.Sidecar.dll");

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static SidecarProcess Launch(IEnumerable<string> args, IDictionary<string, string?>? env = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["DAPR_API_TOKEN"] = Token;
        info.Environment["SANDBOX_SIDECAR_TEST_CLOCK"] = "1";
        info.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        foreach (var (key, value) in env ?? new Dictionary<string, string?>()) info.Environment[key] = value;
        var sidecar = new SidecarProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        sidecar._process.OutputDataReceived += (_, e) => sidecar.Record(e.Data);
        sidecar._process.ErrorDataReceived += (_, e) => sidecar.Record(e.Data);
        sidecar._process.Exited += (_, _) => sidecar._ready.TrySetException(new InvalidOperationException("sidecar exited before it was ready"));
        sidecar._process.Start();
        sidecar._process.BeginOutputReadLine();
        sidecar._process.BeginErrorReadLine();
        return sidecar;
    }

    public static async Task<SidecarProcess> StartAsync(string resources, string data, IEnumerable<SidecarApp> apps, IDictionary<string, string?>? env = null)
    {
        var args = new List<string> { "--resources-path", resources, "--data", data };
        foreach (var app in apps) args.AddRange(["--app", app.Arg]);
        var sidecar = Launch(args, env);
        try
        {
            await sidecar._ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception error)
        {
            throw new InvalidOperationException($"sidecar did not start: {error.Message}\n{sidecar.Output}");
        }
        return sidecar;
    }

    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Ends the process at once, as a crash would, without any shutdown work.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains("Sandbox.Sidecar ready", StringComparison.Ordinal)) _ready.TrySetResult();
    }
}
