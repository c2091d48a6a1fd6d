using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.Data;
using Xunit;

namespace Sandbox.Testing;

/// <summary>
/// The checks every service's EF Core migrations pass, for one provider: the model has no change without a
/// migration, migrating creates the model's tables, a second run does nothing, concurrent migrators all succeed,
/// and a database made by EnsureCreated is baselined when it matches the first migration and refused otherwise.
/// </summary>
public sealed class MigrationScenarios(Func<string, ILoggerFactory, DbContext> create, Func<string> newDatabase)
{
    private readonly ErrorLog log = new();

    /// <summary>Scenarios on SQLite files in a temporary folder.</summary>
    public static MigrationScenarios Sqlite(Func<string, ILoggerFactory, DbContext> create) => new(create, () =>
    {
        var folder = Directory.CreateTempSubdirectory("sandbox-migrations-").FullName;
        return $"Data Source={Path.Combine(folder, "store.db")};Pooling=False";
    });

    /// <summary>Scenarios on new databases of the fixture's PostgreSQL server.</summary>
    public static MigrationScenarios Postgres(PostgresDatabases server, Func<string, ILoggerFactory, DbContext> create) => new(create, server.NewConnectionString);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void ModelHasNoPendingChanges()
    {
        using var db = create(newDatabase(), log.Factory);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"{db.GetType().Name}: the model changed without a migration. Run scripts/ef-migrations.sh add <Name>.");
    }

    public async Task MigratingAnEmptyDatabaseCreatesTheModelsTablesAsync()
    {
        await using var db = create(newDatabase(), log.Factory);
        await SchemaMigrator.MigrateAsync(db, NullLogger.Instance, Ct);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        var tables = await TablesAsync(db);
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
            Assert.Contains(table, tables);
        // A first start logs no error (EF Core's migrator alone logs a failed connection and history query here).
        Assert.Empty(log.Errors);
    }

    public async Task MigratingTwiceChangesNothingAsync()
    {
        var connection = newDatabase();
        await using (var first = create(connection, log.Factory)) await SchemaMigrator.MigrateAsync(first, NullLogger.Instance, Ct);
        await using var second = create(connection, log.Factory);
        var before = await second.Database.GetAppliedMigrationsAsync(Ct);
        await SchemaMigrator.MigrateAsync(second, NullLogger.Instance, Ct);
        Assert.Equal(before, await second.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Equal(second.Database.GetMigrations(), before);
    }

    public async Task ConcurrentMigratorsAllSucceedAsync(int count = 4)
    {
        var connection = newDatabase();
        var contexts = Enumerable.Range(0, count).Select(_ => create(connection, log.Factory)).ToList();
        try
        {
            await Task.WhenAll(contexts.Select(db => SchemaMigrator.MigrateAsync(db, NullLogger.Instance, Ct)));
            Assert.Equal(contexts[0].Database.GetMigrations(), await contexts[0].Database.GetAppliedMigrationsAsync(Ct));
        }
        finally
        {
            foreach (var db in contexts) await db.DisposeAsync();
        }
    }

    public async Task EnsureCreatedDatabaseWithTheFirstSchemaIsBaselinedAsync()
    {
        var connection = newDatabase();
        await CreateLegacyAsync(connection, extraTable: false);
        await using var db = create(connection, log.Factory);
        await SchemaMigrator.MigrateAsync(db, NullLogger.Instance, Ct);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
    }

    /// <summary>Returns the refusal message, which names the database; the data is left as it was.</summary>
    public async Task<string> EnsureCreatedDatabaseWithAnotherSchemaIsRefusedAsync()
    {
        var connection = newDatabase();
        await CreateLegacyAsync(connection, extraTable: true);
        await using var db = create(connection, log.Factory);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaMigrator.MigrateAsync(db, NullLogger.Instance, Ct));
        Assert.Contains("legacy_extra", refused.Message);
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM legacy_extra""").SingleAsync(Ct));
        Assert.DoesNotContain("__EFMigrationsHistory", await TablesAsync(db));
        return refused.Message;
    }

    // What an earlier build's EnsureCreated left: the first migration's schema and no migration history.
    private async Task CreateLegacyAsync(string connection, bool extraTable)
    {
        await using var db = create(connection, log.Factory);
        await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First(), cancellationToken: Ct);
        await db.Database.ExecuteSqlRawAsync("""DROP TABLE "__EFMigrationsHistory" """, Ct);
        await db.Database.ExecuteSqlRawAsync("""DROP TABLE IF EXISTS "__EFMigrationsLock" """, Ct);
        if (!extraTable) return;
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE legacy_extra (id integer)", Ct);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO legacy_extra (id) VALUES (1)", Ct);
    }

    private static async Task<List<string>> TablesAsync(DbContext db) =>
        await db.Database.SqlQueryRaw<string>(db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite"
            ? """SELECT name AS "Value" FROM sqlite_master WHERE type = 'table'"""
            : """SELECT table_name AS "Value" FROM information_schema.tables WHERE table_schema = current_schema()""").ToListAsync(Ct);
}
