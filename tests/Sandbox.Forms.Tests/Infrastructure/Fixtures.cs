using Sandbox.Testing;

namespace Sandbox.Forms.Tests.Infrastructure;

public interface IFormsFixture
{
    FormsApp App { get; }
}

/// <summary>One forms service on SQLite for a test class; tests keep apart by their own form ids and subjects.</summary>
public sealed class SqliteFormsFixture : IFormsFixture, IAsyncLifetime
{
    private FormsApp? _app;

    public FormsApp App => _app ?? throw new InvalidOperationException("Not started.");

    public ValueTask InitializeAsync()
    {
        _app = FormsApp.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

/// <summary>The same on a throw-away PostgreSQL server; tests skip (or fail under SANDBOX_REQUIRE_ALL=1) without one.</summary>
public sealed class PostgresFormsFixture : IFormsFixture, IAsyncLifetime
{
    private readonly string? _missing = PostgresServer.MissingReason();
    private PostgresServer? _server;
    private FormsApp? _app;

    public FormsApp App
    {
        get
        {
            Prerequisite.Require(_missing);
            return _app ?? throw new InvalidOperationException("Not started.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (_missing is not null) return;
        _server = await PostgresServer.StartAsync();
        _app = FormsApp.Start(_server.ConnectionString("forms_" + Guid.NewGuid().ToString("n")[..8]));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>One forms service on SQLite whose Dapr client talks to a real Sandbox.Sidecar process (state, bindings).</summary>
public sealed class SidecarFormsFixture : IFormsFixture, IAsyncLifetime
{
    private FormsApp? _app;

    public FormsApp App => _app ?? throw new InvalidOperationException("Not started.");

    public SidecarProcess Sidecar { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Sidecar = await FormsSidecar.StartAsync();
        _app = FormsApp.Start(sidecar: Sidecar);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (Sidecar is not null) await Sidecar.DisposeAsync();
    }
}
