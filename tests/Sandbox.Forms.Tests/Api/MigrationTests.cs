using Microsoft.EntityFrameworkCore;
using Sandbox.Testing;
using Sandbox.Forms.Data;

namespace Sandbox.Forms.Tests.Api;

/// <summary>The SQLite migrations of the forms store.</summary>
public sealed class SqliteMigrationTests() : SqliteMigrationChecks((connection, log) =>
    new SqliteFormsDbContext(new DbContextOptionsBuilder<SqliteFormsDbContext>().UseSqlite(connection).UseLoggerFactory(log).Options));

/// <summary>The PostgreSQL migrations of the forms store.</summary>
public sealed class PostgresMigrationTests(PostgresDatabases server) : PostgresMigrationChecks(server, (connection, log) =>
    new PostgresFormsDbContext(new DbContextOptionsBuilder<PostgresFormsDbContext>().UseNpgsql(connection).UseLoggerFactory(log).Options)),
    IClassFixture<PostgresDatabases>;
