using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sandbox.Forms.Data;

namespace Sandbox.Forms.Hosting;

/// <summary>
/// Creates the database on start, before the outbox publisher reads it. A database made by an earlier version
/// of the service gets the tables and the outbox column added since (there are no migrations yet).
/// </summary>
internal sealed partial class DatabaseInitializer(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>().Database;
        var created = await db.EnsureCreatedAsync(cancellationToken);
        // Write-ahead logging lets readers go on while a submission is written (kept in the file once set).
        if (db.IsSqlite()) await db.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        if (created) return;

        var script = CreateTable().Replace(db.GenerateCreateScript(), "CREATE TABLE IF NOT EXISTS ");
        script = CreateIndex().Replace(script, m => $"CREATE {m.Groups[1].Value}INDEX IF NOT EXISTS ");
        foreach (var statement in script.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (statement.Length > 0 && !statement.StartsWith("--", StringComparison.Ordinal))
                await db.ExecuteSqlRawAsync(statement, cancellationToken);
        }
        await AddTraceParentAsync(db, cancellationToken);
    }

    // The one column added to an existing table since the first version.
    private static async Task AddTraceParentAsync(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade db, CancellationToken ct)
    {
        if (db.IsNpgsql())
        {
            await db.ExecuteSqlRawAsync("ALTER TABLE outbox ADD COLUMN IF NOT EXISTS \"TraceParent\" text NULL", ct);
            return;
        }
        var exists = await db.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM pragma_table_info('outbox') WHERE name = 'TraceParent'").SingleAsync(ct);
        if (exists == 0) await db.ExecuteSqlRawAsync("ALTER TABLE outbox ADD COLUMN \"TraceParent\" TEXT NULL", ct);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [GeneratedRegex(@"CREATE TABLE (?!IF NOT EXISTS)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"CREATE (UNIQUE )?INDEX (?!IF NOT EXISTS)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateIndex();
}
