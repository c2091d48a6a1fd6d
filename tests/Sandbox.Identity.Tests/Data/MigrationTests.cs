using Microsoft.EntityFrameworkCore;
using Sandbox.Testing;
using Sandbox.Identity.Data;

namespace Sandbox.Identity.Tests.Data;

/// <summary>The SQLite migrations of the identity store (with OpenIddict's tables).</summary>
public sealed class SqliteMigrationTests() : SqliteMigrationChecks((connection, log) =>
    new SqliteIdentityStore(new DbContextOptionsBuilder<SqliteIdentityStore>().UseSqlite(connection).UseLoggerFactory(log).UseOpenIddict().Options));

/// <summary>The PostgreSQL migrations of the identity store (with OpenIddict's tables).</summary>
public sealed class PostgresMigrationTests(PostgresDatabases server) : PostgresMigrationChecks(server, (connection, log) =>
    new PostgresIdentityStore(new DbContextOptionsBuilder<PostgresIdentityStore>().UseNpgsql(connection).UseLoggerFactory(log).UseOpenIddict().Options)),
    IClassFixture<PostgresDatabases>;
