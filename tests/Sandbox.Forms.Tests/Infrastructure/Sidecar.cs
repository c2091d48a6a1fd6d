using System.Diagnostics;
using System.Text;
using Dapr.Client;
using Sandbox.Testing;

namespace Sandbox.Forms.Tests.Infrastructure;

/// <summary>
/// The real Sandbox.Sidecar as a process (from its build output), serving app <c>forms</c> with the state store, an
/// attachments binding on local storage and pub/sub in a folder of its own, and its test clock switched on.
/// </summary>
public sealed class Sidecar : IAsyncDisposable
{
    public const string Token = "forms-test-token";
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Sidecar(Process process, string folder, int httpPort, int grpcPort)
    {
        _process = process;
        Folder = folder;
        HttpPort = httpPort;
        GrpcPort = grpcPort;
    }

    public string Folder { get; }
    public int HttpPort { get; }
    public int GrpcPort { get; }
    public string AttachmentsPath => Path.Combine(Folder, "attachments");

    public DaprClient Client() => new DaprClientBuilder()
        .UseHttpEndpoint($"http://127.0.0.1:{HttpPort}")
        .UseGrpcEndpoint($"http://127.0.0.1:{GrpcPort}")
        .UseDaprApiToken(Token)
        .Build();

    public static async Task<Sidecar> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sandbox-forms-sidecar-" + Guid.NewGuid().ToString("n")[..10]);
        var resources = Directory.CreateDirectory(Path.Combine(folder, "resources")).FullName;
        await File.WriteAllTextAsync(Path.Combine(resources, "components.yaml"), Components(Path.Combine(folder, "attachments")));
        var (http, grpc) = (Ports.Free(), Ports.Free());
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Dll(), "--resources-path", resources, "--data", Path.Combine(folder, "data"), "--app", $"forms:0:{http}:{grpc}" })
            info.ArgumentList.Add(arg);
        info.Environment["DAPR_API_TOKEN"] = Token;
        info.Environment["SANDBOX_SIDECAR_TEST_CLOCK"] = "1";
        info.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        var sidecar = new Sidecar(new Process { StartInfo = info, EnableRaisingEvents = true }, folder, http, grpc);
        sidecar._process.OutputDataReceived += (_, e) => sidecar.Record(e.Data);
        sidecar._process.ErrorDataReceived += (_, e) => sidecar.Record(e.Data);
        sidecar._process.Exited += (_, _) => sidecar._ready.TrySetException(new InvalidOperationException("the sidecar exited"));
        sidecar._process.Start();
        sidecar._process.BeginOutputReadLine();
        sidecar._process.BeginErrorReadLine();
        try
        {
            await sidecar._ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception e)
        {
            await sidecar.DisposeAsync();
            throw new InvalidOperationException($"The sidecar did not start: {e.Message}\n{sidecar.Output}");
        }
        return sidecar;
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Moves the sidecar's clock forward, so that state TTLs pass without waiting.</summary>
    public async Task AdvanceClockAsync(TimeSpan by)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("dapr-api-token", Token);
        var response = await http.PostAsync(new Uri($"http://127.0.0.1:{HttpPort}/sandbox-test/clock/advance?seconds={(long)by.TotalSeconds}"), null);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains("Sandbox.Sidecar ready", StringComparison.Ordinal)) _ready.TrySetResult();
    }

    // The sidecar project's build output, in the same configuration as these tests.
    private static string Dll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // .../bin/<Configuration>/net10.0/
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sandbox.sln"))) dir = dir.Parent;
        var root = dir?.FullName ?? throw new InvalidOperationException("Sandbox.sln not found above the test output.");
        var dll = Path.Combine(root, "apphost", "Sandbox.Sidecar", "bin", configuration, "net10.0", "Sandbox.Sidecar.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"Build Sandbox.Sidecar first: {dll} is missing.");
    }

    private static string Components(string attachments) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: statestore
        spec:
          type: state.sqlite
          version: v1
          metadata:
            - name: connectionString
              value: "state.db"
        ---
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: pubsub
        spec:
          type: pubsub.in-memory
          version: v1
        ---
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: attachments
        spec:
          type: bindings.localstorage
          version: v1
          metadata:
            - name: rootPath
              value: "{attachments}"
        """;
}
