using System.Diagnostics;
using System.Text;
using Dapr.Client;

namespace Sandbox.Testing;

/// <summary>
/// The real Sandbox.Sidecar (the Dapr stand-in) as a process for one app: a temporary folder with <c>resources</c>
/// (the given component YAML) and <c>data</c>, free HTTP and gRPC ports, ready when it logs "Sandbox.Sidecar ready".
/// Dispose kills it and deletes the folder.
/// </summary>
public sealed class SidecarProcess : IAsyncDisposable
{
    /// <summary>The default token clients send to the sidecar.</summary>
    public const string DaprToken = "test-dapr-token";

    /// <summary>The default token the sidecar sends to the app.</summary>
    public const string AppToken = "test-app-token";

    private readonly Process _process;
    private readonly SidecarOptions _options;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SidecarProcess(Process process, SidecarOptions options, string folder, int httpPort, int grpcPort)
    {
        _process = process;
        _options = options;
        Folder = folder;
        HttpPort = httpPort;
        GrpcPort = grpcPort;
    }

    /// <summary>The sidecar's temporary folder (resources, data, and any local paths the components use).</summary>
    public string Folder { get; }

    /// <summary>The sidecar's HTTP port.</summary>
    public int HttpPort { get; }

    /// <summary>The sidecar's gRPC port.</summary>
    public int GrpcPort { get; }

    /// <summary>The sidecar's HTTP endpoint.</summary>
    public string HttpEndpoint => $"http://127.0.0.1:{HttpPort}";

    /// <summary>The sidecar's gRPC endpoint.</summary>
    public string GrpcEndpoint => $"http://127.0.0.1:{GrpcPort}";

    /// <summary>Everything the sidecar has written so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>A Dapr client for this sidecar, with its API token.</summary>
    public DaprClient Client() => new DaprClientBuilder()
        .UseHttpEndpoint(HttpEndpoint)
        .UseGrpcEndpoint(GrpcEndpoint)
        .UseDaprApiToken(_options.DaprToken)
        .Build();

    /// <summary>Starts the sidecar and waits (up to a minute) until it is ready; throws with its output when it is not.</summary>
    public static async Task<SidecarProcess> StartAsync(SidecarOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"sandbox-sidecar-{options.App}-" + Guid.NewGuid().ToString("n")[..10]);
        var resources = Directory.CreateDirectory(Path.Combine(folder, "resources")).FullName;
        await File.WriteAllTextAsync(Path.Combine(resources, "components.yaml"), options.Components(folder));
        var (http, grpc) = (Ports.Free(), Ports.Free());
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Dll(), "--resources-path", resources, "--data", Path.Combine(folder, "data"),
            "--app", $"{options.App}:{options.AppPort}:{http}:{grpc}" })
            info.ArgumentList.Add(arg);
        info.Environment["DAPR_API_TOKEN"] = options.DaprToken;
        if (options.AppToken is not null) info.Environment["APP_API_TOKEN"] = options.AppToken;
        if (options.TestClock) info.Environment["SANDBOX_SIDECAR_TEST_CLOCK"] = "1";
        info.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        var sidecar = new SidecarProcess(new Process { StartInfo = info, EnableRaisingEvents = true }, options, folder, http, grpc);
        sidecar._process.OutputDataReceived += (_, e) => sidecar.Record(e.Data);
        sidecar._process.ErrorDataReceived += (_, e) =>
        {
            sidecar.Record(e.Data);
            if (e.Data is not null) options.OnError?.Invoke(e.Data);
        };
        sidecar._process.Exited += (_, _) => sidecar._ready.TrySetException(new InvalidOperationException("the sidecar exited"));
        sidecar._process.Start();
        sidecar._process.BeginOutputReadLine();
        sidecar._process.BeginErrorReadLine();
        try
        {
            await sidecar._ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception error)
        {
            await sidecar.DisposeAsync();
            throw new InvalidOperationException($"The sidecar did not start: {error.Message}\n{sidecar.Output}");
        }
        return sidecar;
    }

    /// <summary>Moves the sidecar's test clock forward (needs <see cref="SidecarOptions.TestClock"/>), so that state TTLs pass without waiting.</summary>
    public async Task AdvanceClockAsync(TimeSpan by)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("dapr-api-token", _options.DaprToken);
        var response = await http.PostAsync(new Uri($"{HttpEndpoint}/sandbox-test/clock/advance?seconds={(long)by.TotalSeconds}"), null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Kills the sidecar and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains("Sandbox.Sidecar ready", StringComparison.Ordinal)) _ready.TrySetResult();
    }

    // Sandbox.Sidecar.dll next to the caller (a referenced project's output), else the sidecar project's own build
    // output in the caller's configuration.
    private static string Dll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Sandbox.Sidecar.dll");
        if (File.Exists(beside)) return beside;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // .../bin/<Configuration>/net10.0/
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sandbox.sln"))) dir = dir.Parent;
        var root = dir?.FullName ?? throw new InvalidOperationException("Sandbox.sln not found above the output folder.");
        var dll = Path.Combine(root, "apphost", "Sandbox.Sidecar", "bin", configuration, "net10.0", "Sandbox.Sidecar.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"Build Sandbox.Sidecar first: {dll} is missing.");
    }
}
