using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sandbox.Forms.Data;

/// <summary>The forms store on SQLite; its migrations are in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteFormsDbContext(DbContextOptions<SqliteFormsDbContext> options) : FormsDbContext(options);

/// <summary>The forms store on PostgreSQL; its migrations are in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresFormsDbContext(DbContextOptions<PostgresFormsDbContext> options) : FormsDbContext(options);

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the service (scripts/ef-migrations.sh).</summary>
internal sealed class SqliteFormsDbContextFactory : IDesignTimeDbContextFactory<SqliteFormsDbContext>
{
    public SqliteFormsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFormsDbContext>().UseSqlite("Data Source=forms-design.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without starting the service; it never connects.</summary>
internal sealed class PostgresFormsDbContextFactory : IDesignTimeDbContextFactory<PostgresFormsDbContext>
{
    public PostgresFormsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFormsDbContext>().UseNpgsql("Host=localhost;Database=forms").Options);
}
