using System.Diagnostics;
using Dapr.Client;
using Sandbox.Testing;

namespace Sandbox.Notifications.Benchmarks;

/// <summary>A Sandbox.Sidecar process whose <c>email</c> binding points at the service's sandbox mailbox.</summary>
internal sealed class Sidecar : IAsyncDisposable
{
    public const string DaprToken = "bench-dapr-token";
    public const string AppToken = "bench-app-token";

    private readonly Process _process;
    private readonly int _http;
    private readonly int _grpc;

    private Sidecar(Process process, int http, int grpc) => (_process, _http, _grpc) = (process, http, grpc);

    public DaprClient Client() => new DaprClientBuilder().UseHttpEndpoint($"http://127.0.0.1:{_http}")
        .UseGrpcEndpoint($"http://127.0.0.1:{_grpc}").UseDaprApiToken(DaprToken).Build();

    public static async Task<Sidecar> StartAsync(int appPort, int smtpPort, string folder)
    {
        var resources = Directory.CreateDirectory(Path.Combine(folder, "resources")).FullName;
        await File.WriteAllTextAsync(Path.Combine(resources, "email.yaml"), $$"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: email
            spec:
              type: bindings.smtp
              version: v1
              metadata:
                - { name: host, value: "127.0.0.1" }
                - { name: port, value: "{{smtpPort}}" }
                - { name: emailFrom, value: "no-reply@sandbox.bench" }
            """);
        var (http, grpc) = (Ports.Free(), Ports.Free());
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Sandbox.Sidecar.dll"), "--resources-path", resources,
            "--data", Path.Combine(folder, "sidecar"), "--app", $"notifications:{appPort}:{http}:{grpc}" })
            info.ArgumentList.Add(arg);
        info.Environment["DAPR_API_TOKEN"] = DaprToken;
        info.Environment["APP_API_TOKEN"] = AppToken;
        info.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Sandbox.Sidecar ready", StringComparison.Ordinal) == true) ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"sidecar: {e.Data}"); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return new Sidecar(process, http, grpc);
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
