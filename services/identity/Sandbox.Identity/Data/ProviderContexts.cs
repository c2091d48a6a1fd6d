using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sandbox.Identity.Data;

/// <summary>The identity store on SQLite; its migrations are in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteIdentityStore(DbContextOptions<SqliteIdentityStore> options) : IdentityStore(options);

/// <summary>The identity store on PostgreSQL; its migrations are in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresIdentityStore(DbContextOptions<PostgresIdentityStore> options) : IdentityStore(options);

/// <summary>Lets <c>dotnet ef</c> build the SQLite context (with OpenIddict's tables) without starting the service.</summary>
internal sealed class SqliteIdentityStoreFactory : IDesignTimeDbContextFactory<SqliteIdentityStore>
{
    public SqliteIdentityStore CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteIdentityStore>().UseSqlite("Data Source=identity-design.db").UseOpenIddict().Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context (with OpenIddict's tables) without starting the service; it never connects.</summary>
internal sealed class PostgresIdentityStoreFactory : IDesignTimeDbContextFactory<PostgresIdentityStore>
{
    public PostgresIdentityStore CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresIdentityStore>().UseNpgsql("Host=localhost;Database=identity").UseOpenIddict().Options);
}
