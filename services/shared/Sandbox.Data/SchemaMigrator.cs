using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Sandbox.Data;

/// <summary>
/// Brings a service's database to the latest migration on start. Replicas that start together on one
/// PostgreSQL database are safe: EF Core's migration lock serialises them and the races EF Core leaves open
/// (creating the database or the history table at the same moment) are retried. A database made by an earlier
/// build with <c>EnsureCreated</c> (tables, no migration history) is baselined when its tables, columns and
/// indexes are those of the first migration, and refused with a message naming it otherwise: data is never dropped.
/// </summary>
public static class SchemaMigrator
{
    // duplicate_database, unique_violation (pg_type/pg_database rows), duplicate_table: a concurrent creator won.
    private static readonly string[] CreationRaces = ["42P04", "23505", "42P07"];

    /// <summary>Applies the pending migrations of <paramref name="db"/>, baselining an EnsureCreated database first.</summary>
    public static async Task MigrateAsync(DbContext db, ILogger logger, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Creating the database and the history table first keeps a first start's log clean: EF Core's
                // migrator otherwise logs a failed connection or a failed history query as errors on a new database.
                var creator = db.GetService<IRelationalDatabaseCreator>();
                if (!await creator.ExistsAsync(ct)) await creator.CreateAsync(ct);
                else await BaselineLegacyAsync(db, logger, ct);
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
                await db.Database.MigrateAsync(ct);
                return;
            }
            catch (DbException e) when (attempt < 4 && e.SqlState is { } state && CreationRaces.Contains(state))
            {
                logger.LogInformation("Another instance created the database objects at the same time ({SqlState}); retrying", state);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
            }
        }
    }

    private static async Task BaselineLegacyAsync(DbContext db, ILogger logger, CancellationToken ct)
    {
        var first = db.GetService<IMigrationsAssembly>().Migrations.OrderBy(m => m.Key, StringComparer.Ordinal).FirstOrDefault();
        if (first.Value is null) return;
        var history = db.GetService<IHistoryRepository>();
        if (await history.ExistsAsync(ct) && (await history.GetAppliedMigrationsAsync(ct)).Count > 0) return;

        var actual = await LegacySchema.ReadAsync(db.Database, ct);
        if (actual.IsEmpty) return;
        var migration = db.GetService<IMigrationsAssembly>().CreateMigration(first.Value, db.Database.ProviderName!);
        var expected = LegacySchema.Of(migration.UpOperations);
        if (!expected.SameAs(actual))
            throw new InvalidOperationException(RefusalMessage(db, first.Key, expected, actual));

        await history.CreateIfNotExistsAsync(ct);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await using (await history.AcquireDatabaseLockAsync(ct))
            {
                if ((await history.GetAppliedMigrationsAsync(ct)).Count == 0)
                    await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(first.Key, ProductInfo.GetVersion())), ct);
            }
            await transaction.CommitAsync(ct);
        }
        logger.LogWarning("Database {Database} was created without migrations; its schema matches migration {Migration}, which is now recorded as applied",
            Describe(db), first.Key);
    }

    private static string RefusalMessage(DbContext db, string migration, LegacySchema expected, LegacySchema actual) =>
        $"The database {Describe(db)} was created by an earlier version of the service (EnsureCreated, no migration history) and " +
        $"its schema differs from migration {migration} ({expected.Difference(actual)}). It is not changed automatically, so no data is lost. " +
        (IsSqlite(db)
            ? $"For sandbox data, stop the service and delete the file {Describe(db)} (with its -wal and -shm files); it is created again on start."
            : "Drop and recreate the database (or copy its data out first); the service creates the schema on start.");

    private static string Describe(DbContext db)
    {
        var connection = db.Database.GetDbConnection();
        return IsSqlite(db) ? Path.GetFullPath(connection.DataSource) : $"'{connection.Database}' on {connection.DataSource}";
    }

    internal static bool IsSqlite(DbContext db) => db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
}
