using System.Net;
using Sandbox.Sidecar.Tests.Infrastructure;

namespace Sandbox.Sidecar.Tests.StandIn;

public sealed class StartupTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(int ExitCode, string Output)> RunToExitAsync(params string[] args)
    {
        await using var sidecar = SidecarProcess.Launch(args);
        var code = await sidecar.WaitForExitAsync();
        return (code, sidecar.Output);
    }

    [Fact]
    public async Task BadYaml_RefusesToStart_NamingFileAndLine()
    {
        using var resources = TestResources.Folder(TestResources.StateStore);
        var file = resources.Write("broken.yaml", "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n   type: oops\n");
        using var data = new TempFolder();
        var (code, output) = await RunToExitAsync("--resources-path", resources.Path, "--data", data.Path, "--app", SidecarApp.Create("a").Arg);
        Assert.NotEqual(0, code);
        Assert.Contains($"{file}:5", output);
    }

    [Fact]
    public async Task UnknownComponentType_RefusesToStart_NamingIt()
    {
        using var resources = TestResources.Folder("""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: cache
            spec:
              type: state.redis
              version: v1
            """);
        using var data = new TempFolder();
        var (code, output) = await RunToExitAsync("--resources-path", resources.Path, "--data", data.Path, "--app", SidecarApp.Create("a").Arg);
        Assert.NotEqual(0, code);
        Assert.Contains("resource0.yaml:1", output);
        Assert.Contains("state.redis", output);
    }

    [Fact]
    public async Task MissingResourcesPath_ExitsWithUsage()
    {
        var (code, output) = await RunToExitAsync("--app", SidecarApp.Create("a").Arg);
        Assert.Equal(2, code);
        Assert.Contains("--resources-path is required", output);
        Assert.Contains("usage:", output);
    }

    [Fact]
    public async Task DaprdSingleAppFlags_StartASidecar()
    {
        using var resources = TestResources.Folder(TestResources.StateStore);
        using var data = new TempFolder();
        var app = SidecarApp.Create("solo");
        await using var sidecar = SidecarProcess.Launch(["--app-id", "solo", "--dapr-http-port", app.HttpPort.ToString(), "--dapr-grpc-port", app.GrpcPort.ToString(),
            "--resources-path", resources.Path, "--data", data.Path]);
        using var client = app.Client(SidecarProcess.Token);
        await client.WaitForSidecarAsync(Cancel);
        var metadata = await client.GetMetadataAsync(Cancel);
        Assert.Equal("solo", metadata.Id);
        Assert.Contains(metadata.Components, c => c.Name == "statestore" && c.Type == "state.sqlite");
    }

    [Fact]
    public async Task Shutdown_StopsTheSidecar()
    {
        using var resources = TestResources.Folder(TestResources.StateStore);
        using var data = new TempFolder();
        var app = SidecarApp.Create("stopper");
        await using var sidecar = await SidecarProcess.StartAsync(resources.Path, data.Path, [app]);
        using var client = app.Client(SidecarProcess.Token);
        await client.ShutdownSidecarAsync(Cancel);
        Assert.Equal(0, await sidecar.WaitForExitAsync());
    }
}
