using Microsoft.EntityFrameworkCore;
using Sandbox.Testing;
using Sandbox.Identity.Data;

namespace Sandbox.Identity.Tests.Data;

/// <summary>The SQLite migrations of the identity store (with OpenIddict's tables) (see <see cref="MigrationScenarios"/>).</summary>
public sealed class SqliteMigrationTests
{
    private readonly MigrationScenarios scenarios = MigrationScenarios.Sqlite(
        (connection, log) => new SqliteIdentityStore(new DbContextOptionsBuilder<SqliteIdentityStore>().UseSqlite(connection).UseLoggerFactory(log).UseOpenIddict().Options));

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

/// <summary>The PostgreSQL migrations of the identity store, including replicas migrating one database at once.</summary>
public sealed class PostgresMigrationTests(PostgresDatabases server) : IClassFixture<PostgresDatabases>
{
    private readonly MigrationScenarios scenarios = MigrationScenarios.Postgres(server,
        (connection, log) => new PostgresIdentityStore(new DbContextOptionsBuilder<PostgresIdentityStore>().UseNpgsql(connection).UseLoggerFactory(log).UseOpenIddict().Options));

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
