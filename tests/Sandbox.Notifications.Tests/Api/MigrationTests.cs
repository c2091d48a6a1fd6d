using Microsoft.EntityFrameworkCore;
using Sandbox.Testing;
using Sandbox.Notifications.Data;

namespace Sandbox.Notifications.Tests.Api;

/// <summary>The notifications store's SQLite migrations (see <see cref="MigrationScenarios"/>).</summary>
public sealed class SqliteMigrationTests
{
    private readonly MigrationScenarios scenarios = MigrationScenarios.Sqlite(
        (connection, log) => new SqliteNotificationsDb(new DbContextOptionsBuilder<SqliteNotificationsDb>().UseSqlite(connection).UseLoggerFactory(log).Options));

    [Fact]
    public void Model_HasAMigrationForEveryChange() => scenarios.ModelHasNoPendingChanges();

    [Fact]
    public Task Migrate_EmptyDatabase_CreatesTheModelsTables() => scenarios.MigratingAnEmptyDatabaseCreatesTheModelsTablesAsync();

    [Fact]
    public Task Migrate_Twice_ChangesNothing() => scenarios.MigratingTwiceChangesNothingAsync();

    [Fact]
    public Task Migrate_EnsureCreatedDatabaseOfTheFirstSchema_IsBaselined() => scenarios.EnsureCreatedDatabaseWithTheFirstSchemaIsBaselinedAsync();

    [Fact]
    public async Task Migrate_EnsureCreatedDatabaseOfAnotherSchema_StopsNamingTheFile()
    {
        var message = await scenarios.EnsureCreatedDatabaseWithAnotherSchemaIsRefusedAsync();
        Assert.Contains("store.db", message);
    }
}

/// <summary>The notifications store's PostgreSQL migrations, including replicas migrating one database at once.</summary>
public sealed class PostgresMigrationTests(PostgresDatabases server) : IClassFixture<PostgresDatabases>
{
    private readonly MigrationScenarios scenarios = MigrationScenarios.Postgres(server,
        (connection, log) => new PostgresNotificationsDb(new DbContextOptionsBuilder<PostgresNotificationsDb>().UseNpgsql(connection).UseLoggerFactory(log).Options));

    [Fact]
    public void Model_HasAMigrationForEveryChange() => scenarios.ModelHasNoPendingChanges();

    [Fact]
    public Task Migrate_EmptyDatabase_CreatesTheModelsTables() => scenarios.MigratingAnEmptyDatabaseCreatesTheModelsTablesAsync();

    [Fact]
    public Task Migrate_Twice_ChangesNothing() => scenarios.MigratingTwiceChangesNothingAsync();

    [Fact]
    public Task Migrate_FourReplicasAtOnce_AllSucceed() => scenarios.ConcurrentMigratorsAllSucceedAsync();

    [Fact]
    public Task Migrate_EnsureCreatedDatabaseOfTheFirstSchema_IsBaselined() => scenarios.EnsureCreatedDatabaseWithTheFirstSchemaIsBaselinedAsync();

    [Fact]
    public Task Migrate_EnsureCreatedDatabaseOfAnotherSchema_IsRefused() => scenarios.EnsureCreatedDatabaseWithAnotherSchemaIsRefusedAsync();
}
