using Microsoft.EntityFrameworkCore;
using Sandbox.Testing;
using Sandbox.Workflow.Data;

namespace Sandbox.Workflow.Tests.Api;

/// <summary>The SQLite migrations of the workflow store.</summary>
public sealed class SqliteMigrationTests() : SqliteMigrationChecks((connection, log) =>
    new SqliteWorkflowDb(new DbContextOptionsBuilder<SqliteWorkflowDb>().UseSqlite(connection).UseLoggerFactory(log).Options));

/// <summary>The PostgreSQL migrations of the workflow store.</summary>
public sealed class PostgresMigrationTests(PostgresDatabases server) : PostgresMigrationChecks(server, (connection, log) =>
    new PostgresWorkflowDb(new DbContextOptionsBuilder<PostgresWorkflowDb>().UseNpgsql(connection).UseLoggerFactory(log).Options)),
    IClassFixture<PostgresDatabases>;
