using Sandbox.Testing;

namespace Sandbox.Identity.Tests.Infrastructure;

/// <summary>An identity app on one store, shared by the tests of a class; each test makes its own data.</summary>
public interface IIdentityFixture
{
    /// <summary>The app; skips (or, with SANDBOX_REQUIRE_ALL=1, fails) the test when its store is missing.</summary>
    IdentityApp App { get; }

    /// <summary>False when the store is missing; the tests then skip (or fail) on <see cref="App"/>.</summary>
    bool Available { get; }
}

public sealed class SqliteIdentityFixture : IIdentityFixture, IAsyncLifetime
{
    private IdentityApp? app;

    public IdentityApp App => app ?? throw new InvalidOperationException("Not started.");

    public bool Available => true;

    public ValueTask InitializeAsync()
    {
        app = IdentityApp.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}

public sealed class PostgresIdentityFixture : IIdentityFixture, IAsyncLifetime
{
    private readonly string? missing = PostgresServer.MissingReason();
    private PostgresServer? server;
    private IdentityApp? app;

    public IdentityApp App
    {
        get
        {
            Prerequisite.Require(missing);
            return app ?? throw new InvalidOperationException("Not started.");
        }
    }

    public bool Available => missing is null;

    public async ValueTask InitializeAsync()
    {
        if (missing is not null) return;
        server = await PostgresServer.StartAsync();
        app = IdentityApp.Start(server.ConnectionString("identity_" + Guid.NewGuid().ToString("n")[..8]));
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        if (server is not null) await server.DisposeAsync();
    }
}
