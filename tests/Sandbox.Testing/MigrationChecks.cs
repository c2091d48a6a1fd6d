using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Sandbox.Testing;

/// <summary>The checks of a service's migrations that hold on every provider (see <see cref="MigrationScenarios"/>).</summary>
public abstract class MigrationChecks(MigrationScenarios scenarios)
{
    /// <summary>The scenarios on the provider of the deriving class.</summary>
    protected MigrationScenarios Scenarios { get; } = scenarios;

    [Fact]
    public void Model_HasAMigrationForEveryChange() => Scenarios.ModelHasNoPendingChanges();

    [Fact]
    public Task Migrate_EmptyDatabase_CreatesTheModelsTables() => Scenarios.MigratingAnEmptyDatabaseCreatesTheModelsTablesAsync();

    [Fact]
    public Task Migrate_Twice_ChangesNothing() => Scenarios.MigratingTwiceChangesNothingAsync();

    [Fact]
    public Task Migrate_EnsureCreatedDatabaseOfTheFirstSchema_IsBaselined() => Scenarios.EnsureCreatedDatabaseWithTheFirstSchemaIsBaselinedAsync();
}

/// <summary>
/// A service's SQLite migrations: a test class derives from this and names how its SQLite context is made from a
/// connection string and a logger factory.
/// </summary>
public abstract class SqliteMigrationChecks(Func<string, ILoggerFactory, DbContext> create)
    : MigrationChecks(MigrationScenarios.Sqlite(create))
{
    [Fact]
    public async Task Migrate_EnsureCreatedDatabaseOfAnotherSchema_StopsNamingTheFile()
    {
        var message = await Scenarios.EnsureCreatedDatabaseWithAnotherSchemaIsRefusedAsync();
        Assert.Contains("store.db", message);
    }
}

/// <summary>
/// A service's PostgreSQL migrations, including replicas migrating one database at once: a test class derives from
/// this with the <see cref="PostgresDatabases"/> class fixture and names how its PostgreSQL context is made.
/// </summary>
public abstract class PostgresMigrationChecks(PostgresDatabases server, Func<string, ILoggerFactory, DbContext> create)
    : MigrationChecks(MigrationScenarios.Postgres(server, create))
{
    [Fact]
    public Task Migrate_FourReplicasAtOnce_AllSucceed() => Scenarios.ConcurrentMigratorsAllSucceedAsync();

    [Fact]
    public Task Migrate_EnsureCreatedDatabaseOfAnotherSchema_IsRefused() => Scenarios.EnsureCreatedDatabaseWithAnotherSchemaIsRefusedAsync();
}
