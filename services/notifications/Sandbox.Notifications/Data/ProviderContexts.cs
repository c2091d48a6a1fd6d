using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sandbox.Notifications.Data;

/// <summary>The notifications store on SQLite; its migrations are in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteNotificationsDb(DbContextOptions<SqliteNotificationsDb> options) : NotificationsDb(options);

/// <summary>The notifications store on PostgreSQL; its migrations are in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresNotificationsDb(DbContextOptions<PostgresNotificationsDb> options) : NotificationsDb(options);

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the service (scripts/ef-migrations.sh).</summary>
internal sealed class SqliteNotificationsDbFactory : IDesignTimeDbContextFactory<SqliteNotificationsDb>
{
    public SqliteNotificationsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNotificationsDb>().UseSqlite("Data Source=notifications-design.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without starting the service; it never connects.</summary>
internal sealed class PostgresNotificationsDbFactory : IDesignTimeDbContextFactory<PostgresNotificationsDb>
{
    public PostgresNotificationsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresNotificationsDb>().UseNpgsql("Host=localhost;Database=notifications").Options);
}
