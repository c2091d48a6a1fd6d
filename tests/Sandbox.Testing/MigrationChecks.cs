using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Sandbox.Testing;

/// <summary>
/// A service's SQLite migrations (see <see cref="MigrationScenarios"/>): a test class derives from this and names how
/// its SQLite context is made from a connection string and a logger factory.
/// </summary>
public abstract class SqliteMigrationChecks(Func<string, ILoggerFactory, DbContext> create)
{
    private readonly MigrationScenarios scenarios = MigrationScenarios.Sqlite(create);

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

/// <summary>
/// A service's PostgreSQL migrations, including replicas migrating one database at once: a test class derives from
/// this with the <see cref="PostgresDatabases"/> class fixture and names how its PostgreSQL context is made.
/// </summary>
public abstract class PostgresMigrationChecks(PostgresDatabases server, Func<string, ILoggerFactory, DbContext> create)
{
    private readonly MigrationScenarios scenarios = MigrationScenarios.Postgres(server, create);

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
