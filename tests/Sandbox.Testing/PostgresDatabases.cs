using Xunit;

namespace Sandbox.Testing;

/// <summary>A class fixture with one throw-away PostgreSQL server; each test takes a database of its own.</summary>
public sealed class PostgresDatabases : IAsyncLifetime
{
    private readonly string? missing = PostgresServer.MissingReason();
    private PostgresServer? server;

    /// <summary>A connection string to a database that does not exist yet (the migrator creates it).</summary>
    public string NewConnectionString()
    {
        Prerequisite.Require(missing);
        var started = server ?? throw new InvalidOperationException("Not started.");
        return started.ConnectionString("db_" + Guid.NewGuid().ToString("n")[..10]);
    }

    public async ValueTask InitializeAsync()
    {
        if (missing is null) server = await PostgresServer.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }
}
