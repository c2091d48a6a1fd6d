using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sandbox.Workflow.Data;

/// <summary>
/// Prepares each pooled SQLite connection once. A busy timeout: without it a connection that finds the database
/// locked gets an error at once and the driver retries only after long sleeps; with it SQLite waits in small steps
/// inside the call (writers of this process queue in <see cref="WorkflowDb"/> first; the timeout covers other
/// processes). And the <c>synchronous</c> level (see <c>Sandbox:Workflow:SqliteSynchronous</c>).
/// </summary>
internal sealed class SqliteConnectionSetup(string synchronous) : DbConnectionInterceptor
{
    // The native connection outlives the SqliteConnection objects that borrow it from the pool.
    private static readonly ConditionalWeakTable<object, object> Prepared = [];
    private readonly string pragmas = $"PRAGMA busy_timeout = 30000; PRAGMA synchronous = {Level(synchronous)};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstUse(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        if (!FirstUse(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static bool FirstUse(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Prepared.TryAdd(handle, handle);

    private static string Level(string value) => value.ToLowerInvariant() switch
    {
        "full" => "FULL",
        "normal" => "NORMAL",
        _ => throw new InvalidOperationException($"Unknown Sandbox:Workflow:SqliteSynchronous '{value}': use normal or full."),
    };
}
