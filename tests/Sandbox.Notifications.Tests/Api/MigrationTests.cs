using Microsoft.EntityFrameworkCore;
using Sandbox.Testing;
using Sandbox.Notifications.Data;

namespace Sandbox.Notifications.Tests.Api;

/// <summary>The SQLite migrations of the notifications store.</summary>
public sealed class SqliteMigrationTests() : SqliteMigrationChecks((connection, log) =>
    new SqliteNotificationsDb(new DbContextOptionsBuilder<SqliteNotificationsDb>().UseSqlite(connection).UseLoggerFactory(log).Options));

/// <summary>The PostgreSQL migrations of the notifications store.</summary>
public sealed class PostgresMigrationTests(PostgresDatabases server) : PostgresMigrationChecks(server, (connection, log) =>
    new PostgresNotificationsDb(new DbContextOptionsBuilder<PostgresNotificationsDb>().UseNpgsql(connection).UseLoggerFactory(log).Options)),
    IClassFixture<PostgresDatabases>;
