using Sandbox.Testing;

namespace Sandbox.Notifications.Tests.Infrastructure;

/// <summary>
/// Sidecar plus service. The email binding points either at the service's own sandbox mailbox or at a
/// <see cref="ScriptedSmtpServer"/>. <see cref="RestartAsync"/> stops the service and starts it again on the same data.
/// </summary>
public sealed class TestStack : IAsyncDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "sandbox-notif-" + Guid.NewGuid().ToString("n")[..10]);
    private readonly string? _postgres;
    private readonly int _appPort = Ports.Free();
    private readonly int? _sinkPort;
    private readonly IDictionary<string, string?>? _extra;
    private NotificationsApp? _app;

    private TestStack(string? postgres, bool ownMailbox, IDictionary<string, string?>? extra)
    {
        _postgres = postgres;
        _extra = extra;
        if (ownMailbox) _sinkPort = Ports.Free();
        else Smtp = new ScriptedSmtpServer();
    }

    public SidecarProcess Sidecar { get; private set; } = null!;
    /// <summary>The port of the service's own sandbox mailbox, when it has one.</summary>
    public int? SinkPort => _sinkPort;
    public ScriptedSmtpServer? Smtp { get; }
    public FakePeople People { get; } = new();
    public NotificationsApp App => _app ?? throw new InvalidOperationException("Not started.");

    public static async Task<TestStack> StartAsync(string? postgres = null, bool ownMailbox = true, IDictionary<string, string?>? extra = null)
    {
        var stack = new TestStack(postgres, ownMailbox, extra);
        stack.Sidecar = await NotificationsSidecar.StartAsync(stack._appPort, stack._sinkPort ?? stack.Smtp!.Port);
        stack._app = NotificationsApp.Start(stack._appPort, stack._dataPath, postgres, stack.Sidecar, stack._sinkPort, stack.People, extra);
        return stack;
    }

    public async Task StopAppAsync()
    {
        if (_app is not { } app) return;
        await app.DisposeAsync();
        _app = null;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public async Task RestartAsync(IDictionary<string, string?>? extra = null)
    {
        await StopAppAsync();
        _app = NotificationsApp.Start(_appPort, _dataPath, _postgres, Sidecar, _sinkPort, People, extra ?? _extra);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAppAsync();
        await Sidecar.DisposeAsync();
        if (Smtp is not null) await Smtp.DisposeAsync();
        if (Directory.Exists(_dataPath)) Directory.Delete(_dataPath, recursive: true);
    }
}
