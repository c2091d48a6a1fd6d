using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sandbox.Workflow.Data;

/// <summary>
/// SQLite has one writer at a time. Without a busy timeout a connection that finds the database locked gets an
/// error at once and the driver retries only after long sleeps; with it, SQLite waits in small steps inside the
/// call, which is what requests and background loops writing side by side need.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(ct);
    }
}
