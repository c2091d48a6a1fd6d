using Sandbox.Testing;

namespace Sandbox.Notifications.Tests.Infrastructure;

public interface IStackFixture
{
    TestStack Stack { get; }
}

/// <summary>One stack on SQLite with the service's own sandbox mailbox; tests keep apart by their own template ids.</summary>
public sealed class SqliteStackFixture : IStackFixture, IAsyncLifetime
{
    private TestStack? _stack;

    public TestStack Stack => _stack ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _stack = await TestStack.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_stack is not null) await _stack.DisposeAsync();
    }
}

/// <summary>The same on a throw-away PostgreSQL server; tests skip (or fail under SANDBOX_REQUIRE_ALL=1) without one.</summary>
public sealed class PostgresStackFixture : IStackFixture, IAsyncLifetime
{
    private readonly string? _missing = PostgresServer.MissingReason();
    private PostgresServer? _server;
    private TestStack? _stack;

    public TestStack Stack
    {
        get
        {
            Prerequisite.Require(_missing);
            return _stack ?? throw new InvalidOperationException("Not started.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (_missing is not null) return;
        _server = await PostgresServer.StartAsync();
        _stack = await TestStack.StartAsync(_server.ConnectionString("notifications_" + Guid.NewGuid().ToString("n")[..8]));
    }

    public async ValueTask DisposeAsync()
    {
        if (_stack is not null) await _stack.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>A stack on SQLite whose email binding goes to a <see cref="ScriptedSmtpServer"/>.</summary>
public sealed class ScriptedSmtpFixture : IAsyncLifetime
{
    private TestStack? _stack;

    public TestStack Stack => _stack ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _stack = await TestStack.StartAsync(ownMailbox: false);

    public async ValueTask DisposeAsync()
    {
        if (_stack is not null) await _stack.DisposeAsync();
    }
}
