using Dapr.Client;
using Sandbox.Sidecar.Tests.Infrastructure;

namespace Sandbox.Sidecar.Tests.StandIn;

/// <summary>One sidecar process serving two apps without app ports, shared by the state tests.</summary>
public sealed class StateFixture : IAsyncLifetime
{
    private readonly TempFolder _resources = TestResources.Folder(TestResources.StateStore, TestResources.PubSub);
    private readonly TempFolder _data = new();

    public SidecarApp Forms { get; } = SidecarApp.Create("forms");
    public SidecarApp Workflow { get; } = SidecarApp.Create("workflow");
    public SidecarProcess Sidecar { get; private set; } = null!;
    public DaprClient FormsClient { get; private set; } = null!;
    public DaprClient WorkflowClient { get; private set; } = null!;
    public HttpClient Http { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Sidecar = await SidecarProcess.StartAsync(_resources.Path, _data.Path, [Forms, Workflow]);
        FormsClient = Forms.Client(SidecarProcess.Token);
        WorkflowClient = Workflow.Client(SidecarProcess.Token);
        Http.DefaultRequestHeaders.Add("dapr-api-token", SidecarProcess.Token);
    }

    public async ValueTask DisposeAsync()
    {
        FormsClient.Dispose();
        WorkflowClient.Dispose();
        Http.Dispose();
        await Sidecar.DisposeAsync();
        _resources.Dispose();
        _data.Dispose();
    }
}
