namespace Sandbox.Forms.Data;

/// <summary>
/// On SQLite, lets one write transaction of this process at a time go to the database: SQLite has one writer, and a
/// second one would otherwise spin on <c>SQLITE_BUSY</c> (Microsoft.Data.Sqlite retries with long sleeps) instead of
/// waiting its turn. Readers are not held up (write-ahead log). On PostgreSQL it lets everything through at once.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim? _sqlite;

    /// <summary>A gate for the database chosen in <paramref name="database"/> (<c>sqlite</c> or <c>postgres</c>).</summary>
    public WriteGate(string database) =>
        _sqlite = database.Equals("sqlite", StringComparison.OrdinalIgnoreCase) ? new SemaphoreSlim(1, 1) : null;

    /// <summary>Waits for the turn to write; dispose the result when the transaction has ended.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken ct)
    {
        if (_sqlite is null) return default;
        await _sqlite.WaitAsync(ct);
        return new Turn(_sqlite);
    }

    /// <summary>A turn to write, given back on dispose.</summary>
    public readonly struct Turn(SemaphoreSlim? semaphore) : IDisposable
    {
        /// <summary>Gives the turn to the next writer.</summary>
        public void Dispose() => semaphore?.Release();
    }
}
