using System.Diagnostics;
using System.Text;
using Dapr.Client;
using Sandbox.Testing;

namespace Sandbox.Notifications.Tests.Infrastructure;

/// <summary>
/// A real Sandbox.Sidecar process for the app <c>notifications</c> with the components the service uses: <c>email</c>
/// (bindings.smtp to the given SMTP port), <c>sms</c> (bindings.localstorage) and <c>pubsub</c>.
/// </summary>
public sealed class SidecarProcess : IAsyncDisposable
{
    public const string DaprToken = "test-dapr-token";
    public const string AppToken = "test-app-token";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SidecarProcess(Process process, string folder, int httpPort, int grpcPort)
    {
        _process = process;
        Folder = folder;
        HttpPort = httpPort;
        GrpcPort = grpcPort;
    }

    public string Folder { get; }
    public int HttpPort { get; }
    public int GrpcPort { get; }
    public string SmsFolder => Path.Combine(Folder, "sms");
    public string HttpEndpoint => $"http://127.0.0.1:{HttpPort}";
    public string GrpcEndpoint => $"http://127.0.0.1:{GrpcPort}";

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public DaprClient Client() => new DaprClientBuilder().UseHttpEndpoint(HttpEndpoint).UseGrpcEndpoint(GrpcEndpoint).UseDaprApiToken(DaprToken).Build();

    public static async Task<SidecarProcess> StartAsync(int appPort, int smtpPort)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sandbox-notif-sidecar-" + Guid.NewGuid().ToString("n")[..10]);
        var resources = Directory.CreateDirectory(Path.Combine(folder, "resources")).FullName;
        await File.WriteAllTextAsync(Path.Combine(resources, "components.yaml"), $$"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: email
            spec:
              type: bindings.smtp
              version: v1
              metadata:
                - name: host
                  value: "127.0.0.1"
                - name: port
                  value: "{{smtpPort}}"
                - name: emailFrom
                  value: "no-reply@sandbox.test"
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: sms
            spec:
              type: bindings.localstorage
              version: v1
              metadata:
                - name: rootPath
                  value: "{{Path.Combine(folder, "sms")}}"
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: pubsub
            spec:
              type: pubsub.in-memory
              version: v1
            """);
        var (http, grpc) = (Ports.Free(), Ports.Free());
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Sandbox.Sidecar.dll"), "--resources-path", resources,
            "--data", Path.Combine(folder, "data"), "--app", $"notifications:{appPort}:{http}:{grpc}" })
            info.ArgumentList.Add(arg);
        info.Environment["DAPR_API_TOKEN"] = DaprToken;
        info.Environment["APP_API_TOKEN"] = AppToken;
        info.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        var sidecar = new SidecarProcess(new Process { StartInfo = info, EnableRaisingEvents = true }, folder, http, grpc);
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
        catch (Exception error)
        {
            throw new InvalidOperationException($"The sidecar did not start: {error.Message}\n{sidecar.Output}");
        }
        return sidecar;
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains("Sandbox.Sidecar ready", StringComparison.Ordinal)) _ready.TrySetResult();
    }

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
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
