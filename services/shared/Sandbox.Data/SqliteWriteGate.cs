using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Sandbox.Data;

/// <summary>
/// On SQLite, lets one writer of this process at a time go to a database file: SQLite has one writer, and a second
/// one would otherwise spin on <c>SQLITE_BUSY</c> (Microsoft.Data.Sqlite retries with growing sleeps) instead of
/// waiting its turn. Readers are not held up (write-ahead log). All gates for one file share one queue. On
/// PostgreSQL (<see cref="None"/>) everyone goes through at once.
/// </summary>
public sealed class SqliteWriteGate
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Files = new();
    private readonly SemaphoreSlim? _writers;

    private SqliteWriteGate(SemaphoreSlim? writers) => _writers = writers;

    /// <summary>The gate that lets every writer through (PostgreSQL).</summary>
    public static SqliteWriteGate None { get; } = new(null);

    /// <summary>Whether writers queue here (SQLite) or go through at once (<see cref="None"/>).</summary>
    public bool Serializes => _writers is not null;

    /// <summary>The gate of the SQLite database file that <paramref name="connectionString"/> opens.</summary>
    public static SqliteWriteGate ForSqlite(string connectionString) =>
        Files.GetOrAdd(SqliteFiles.KeyOf(connectionString), _ => new SqliteWriteGate(new SemaphoreSlim(1, 1)));

    /// <summary>The gate of the database behind <paramref name="database"/>: its file's gate on SQLite, <see cref="None"/> otherwise.</summary>
    public static SqliteWriteGate For(DatabaseFacade database) =>
        database.ProviderName == SqliteProvider ? ForSqlite(database.GetConnectionString() ?? "") : None;

    /// <summary>Waits (cancellably) for the turn to write; dispose the result when the write has ended.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken ct = default)
    {
        if (_writers is null) return default;
        await _writers.WaitAsync(ct);
        return new Turn(_writers);
    }

    /// <summary>Waits, blocking the thread, for the turn to write (for synchronous saves).</summary>
    public Turn Enter()
    {
        if (_writers is null) return default;
        _writers.Wait();
        return new Turn(_writers);
    }

    /// <summary>A turn to write, given back on dispose.</summary>
    public readonly struct Turn : IDisposable
    {
        private readonly SemaphoreSlim? _writers;

        internal Turn(SemaphoreSlim writers) => _writers = writers;

        /// <summary>Gives the turn to the next writer.</summary>
        public void Dispose() => _writers?.Release();
    }
}
