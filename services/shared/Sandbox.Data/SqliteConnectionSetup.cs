using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sandbox.Data;

/// <summary>SQLite's <c>synchronous</c> levels the services use.</summary>
public enum SqliteSynchronous
{
    /// <summary>With write-ahead logging a commit survives a crash of the process; a power cut may lose the last commits, never corrupt the file.</summary>
    Normal,

    /// <summary>A flush to disk at every commit.</summary>
    Full,
}

/// <summary>What <see cref="SqliteConnectionSetup"/> sets on each SQLite connection; <c>null</c> leaves SQLite's default.</summary>
public sealed record SqliteConnectionOptions
{
    /// <summary>The <c>synchronous</c> level; <c>null</c> keeps SQLite's default (FULL).</summary>
    public SqliteSynchronous? Synchronous { get; init; }

    /// <summary>
    /// How long SQLite waits inside a call for a lock held by another connection (<c>busy_timeout</c>); <c>null</c>
    /// leaves the driver's handling (an error at once, retried by Microsoft.Data.Sqlite after sleeps).
    /// </summary>
    public TimeSpan? BusyTimeout { get; init; }

    /// <summary>Reads a <c>synchronous</c> setting (<c>normal</c> or <c>full</c>); anything else fails naming <paramref name="setting"/>.</summary>
    public static SqliteSynchronous ParseSynchronous(string value, string setting) => value.Trim().ToLowerInvariant() switch
    {
        "normal" => SqliteSynchronous.Normal,
        "full" => SqliteSynchronous.Full,
        _ => throw new InvalidOperationException($"Unknown {setting} '{value}': use normal or full."),
    };
}

/// <summary>
/// Prepares each pooled native SQLite connection once (pooled connections keep their settings): the
/// <c>synchronous</c> level and the busy timeout of <see cref="SqliteConnectionOptions"/>. The first connection to a
/// database file in this process also turns on write-ahead logging, which the file keeps: readers go on while
/// one writer writes. Connections of other providers are left alone.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    // The native connection outlives the SqliteConnection objects that borrow it from the pool.
    private static readonly ConditionalWeakTable<object, object> Prepared = [];
    private static readonly ConcurrentDictionary<string, bool> WalFiles = new();
    private readonly string _pragmas;

    /// <summary>An interceptor that applies <paramref name="options"/>.</summary>
    public SqliteConnectionSetup(SqliteConnectionOptions options)
    {
        var pragmas = "";
        if (options.BusyTimeout is { } timeout) pragmas += $"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds}; ";
        if (options.Synchronous is { } level) pragmas += $"PRAGMA synchronous = {(level == SqliteSynchronous.Full ? "FULL" : "NORMAL")}; ";
        _pragmas = pragmas;
    }

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (PragmasFor(connection) is not { } pragmas) return;
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (PragmasFor(connection) is not { } pragmas) return;
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The pragmas a newly opened connection still needs, or null when it has them.
    private string? PragmasFor(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || !Prepared.TryAdd(handle, handle)) return null;
        var wal = WalFiles.TryAdd(SqliteFiles.KeyOf(sqlite.ConnectionString), true) ? "PRAGMA journal_mode=WAL; " : "";
        var pragmas = wal + _pragmas;
        return pragmas.Length == 0 ? null : pragmas;
    }
}
