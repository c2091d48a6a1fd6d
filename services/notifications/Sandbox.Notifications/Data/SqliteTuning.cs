using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sandbox.Notifications.Data;

/// <summary>
/// SQLite allows one writer at a time; connections of this process that collide wait in Microsoft.Data.Sqlite's
/// busy loop, which sleeps on pool threads. Writers therefore queue here instead, in order and without blocking a
/// thread. With PostgreSQL the gate lets everyone through.
/// </summary>
public sealed class WriteGate(bool serialize)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Holds the gate until the returned value is disposed.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken ct = default)
    {
        if (!serialize) return Open.Instance;
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) gate.Release();
        }
    }

    private sealed class Open : IDisposable
    {
        public static readonly Open Instance = new();

        public void Dispose()
        {
        }
    }
}

/// <summary>
/// WAL journal with <c>synchronous=NORMAL</c> on every SQLite connection: a commit no longer waits for the disk, and a
/// crash can lose at most the last commits, never corrupt the file. Pooled connections keep their settings, so each
/// native connection is set up once rather than at every open.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
    private readonly ConditionalWeakTable<object, object> _done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsDone(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsDone(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private bool IsDone(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && !_done.TryAdd(handle, handle);
}
