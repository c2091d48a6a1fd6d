using Sandbox.Testing;

namespace Sandbox.Workflow.Tests.Infrastructure;

/// <summary>A workflow app on one store, shared by the tests of a class; each test makes its own tenant and data.</summary>
public interface IWorkflowFixture
{
    /// <summary>The app; skips (or, with SANDBOX_REQUIRE_ALL=1, fails) the test when its store is missing.</summary>
    WorkflowApp App { get; }
}

/// <summary>The workflow app on SQLite; <paramref name="realCatalog"/> as in <see cref="WorkflowApp.Start"/>.</summary>
public abstract class SqliteAppFixture(bool realCatalog) : IWorkflowFixture, IAsyncLifetime
{
    private WorkflowApp? app;

    public WorkflowApp App => app ?? throw new InvalidOperationException("Not started.");

    public ValueTask InitializeAsync()
    {
        app = WorkflowApp.Start(realCatalog: realCatalog);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}

/// <summary>The workflow app on a PostgreSQL database of its own; <paramref name="realCatalog"/> as in <see cref="WorkflowApp.Start"/>.</summary>
public abstract class PostgresAppFixture(bool realCatalog) : IWorkflowFixture, IAsyncLifetime
{
    private readonly string? missing = PostgresServer.MissingReason();
    private PostgresServer? server;
    private WorkflowApp? app;

    public WorkflowApp App
    {
        get
        {
            Prerequisite.Require(missing);
            return app ?? throw new InvalidOperationException("Not started.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (missing is not null) return;
        server = await PostgresServer.StartAsync();
        app = WorkflowApp.Start(server.ConnectionString("workflow_" + Guid.NewGuid().ToString("n")[..8]), realCatalog: realCatalog);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        if (server is not null) await server.DisposeAsync();
    }
}

public sealed class SqliteWorkflowFixture() : SqliteAppFixture(realCatalog: false);

public sealed class PostgresWorkflowFixture() : PostgresAppFixture(realCatalog: false);
