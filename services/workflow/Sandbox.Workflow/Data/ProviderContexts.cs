using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sandbox.Workflow.Data;

/// <summary>The workflow store on SQLite; its migrations are in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteWorkflowDb(DbContextOptions<SqliteWorkflowDb> options) : WorkflowDb(options);

/// <summary>The workflow store on PostgreSQL; its migrations are in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresWorkflowDb(DbContextOptions<PostgresWorkflowDb> options) : WorkflowDb(options);

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the service (scripts/ef-migrations.sh).</summary>
internal sealed class SqliteWorkflowDbFactory : IDesignTimeDbContextFactory<SqliteWorkflowDb>
{
    public SqliteWorkflowDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWorkflowDb>().UseSqlite("Data Source=workflow-design.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without starting the service; it never connects.</summary>
internal sealed class PostgresWorkflowDbFactory : IDesignTimeDbContextFactory<PostgresWorkflowDb>
{
    public PostgresWorkflowDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWorkflowDb>().UseNpgsql("Host=localhost;Database=workflow").Options);
}
