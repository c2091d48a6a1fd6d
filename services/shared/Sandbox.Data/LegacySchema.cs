using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Sandbox.Data;

/// <summary>The columns (<c>table.column</c>) and index names of a schema, enough to tell whether an EnsureCreated database is a migration's.</summary>
internal sealed class LegacySchema(IReadOnlySet<string> columns, IReadOnlySet<string> indexes)
{
    public bool IsEmpty => columns.Count == 0;

    public bool SameAs(LegacySchema other) => columns.SetEquals(other.Columns) && indexes.SetEquals(other.Indexes);

    private IReadOnlySet<string> Columns => columns;

    private IReadOnlySet<string> Indexes => indexes;

    /// <summary>What the other schema lacks or has beyond this one, for the message (a few names).</summary>
    public string Difference(LegacySchema actual)
    {
        var missing = columns.Except(actual.Columns).Concat(indexes.Except(actual.Indexes)).Take(5).ToList();
        var extra = actual.Columns.Except(columns).Concat(actual.Indexes.Except(indexes)).Take(5).ToList();
        return $"missing: {(missing.Count == 0 ? "none" : string.Join(", ", missing))}; not in the migration: {(extra.Count == 0 ? "none" : string.Join(", ", extra))}";
    }

    /// <summary>The schema the operations of a (first) migration create.</summary>
    public static LegacySchema Of(IEnumerable<MigrationOperation> operations)
    {
        var list = operations.ToList();
        return new(
            list.OfType<CreateTableOperation>().SelectMany(t => t.Columns.Select(c => $"{t.Name}.{c.Name}")).ToHashSet(StringComparer.Ordinal),
            list.OfType<CreateIndexOperation>().Select(i => i.Name).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The schema in the database (the application's tables only: no EF Core bookkeeping, no primary keys).</summary>
    public static async Task<LegacySchema> ReadAsync(DatabaseFacade database, CancellationToken ct)
    {
        var sqlite = database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        var columns = sqlite
            ? """
              SELECT m.name || '.' || p.name AS "Value" FROM sqlite_master m, pragma_table_info(m.name) p
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%' AND m.name NOT LIKE '\_\_EFMigrations%' ESCAPE '\'
              """
            : """
              SELECT table_name || '.' || column_name AS "Value" FROM information_schema.columns
              WHERE table_schema = current_schema() AND table_name NOT LIKE '\_\_EFMigrations%' ESCAPE '\'
              """;
        var indexes = sqlite
            ? """SELECT name AS "Value" FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite\_autoindex%' ESCAPE '\'"""
            : """
              SELECT indexname AS "Value" FROM pg_indexes WHERE schemaname = current_schema()
              AND indexname NOT LIKE 'PK\_%' ESCAPE '\' AND indexname NOT LIKE 'AK\_%' ESCAPE '\' AND tablename NOT LIKE '\_\_EFMigrations%' ESCAPE '\'
              """;
        return new(
            (await database.SqlQueryRaw<string>(columns).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
            (await database.SqlQueryRaw<string>(indexes).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal));
    }
}
