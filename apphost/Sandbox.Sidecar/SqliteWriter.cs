using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Sandbox.Sidecar;

/// <summary>
/// The one writer of a SQLite file in this process. Writes queue here; whichever caller finds no commit running
/// becomes the leader and commits everything queued in groups: one transaction per group, each write in its own
/// savepoint so a failing write (an etag conflict) rolls back alone. The other callers await their task instead of
/// holding a thread on a lock, and a task completes only after its commit, so what it wrote survives a crash.
/// Without contention a write runs on the caller's thread at once; under load many writes share one commit.
/// </summary>
public sealed class SqliteWriter
{
    private const int MaxGroup = 256;
    private static readonly ConcurrentDictionary<string, SqliteWriter> Writers = new();

    private readonly ConcurrentQueue<Job> _jobs = new();
    private readonly string _connectionString;
    private SqliteConnection? _connection;
    private int _leading;

    private SqliteWriter(string connectionString) => _connectionString = connectionString;

    public static SqliteWriter For(string connectionString) => Writers.GetOrAdd(connectionString, cs => new SqliteWriter(cs));

    public static IEnumerable<string> Files => Writers.Keys;

    public async Task<T> WriteAsync<T>(Func<SqliteConnection, T> work)
    {
        var job = new Job(connection => work(connection));
        _jobs.Enqueue(job);
        Lead();
        return (T)(await job.Done.Task)!;
    }

    public Task WriteAsync(Action<SqliteConnection> work) => WriteAsync<object?>(connection =>
    {
        work(connection);
        return null;
    });

    /// <summary>Commits queued writes unless another caller is doing so; checks again after letting go, so none is left behind.</summary>
    private void Lead()
    {
        while (!_jobs.IsEmpty && Interlocked.CompareExchange(ref _leading, 1, 0) == 0)
        {
            try
            {
                if (!TryOpen()) continue;
                var group = new List<Job>(MaxGroup);
                while (true)
                {
                    group.Clear();
                    while (group.Count < MaxGroup && _jobs.TryDequeue(out var job)) group.Add(job);
                    if (group.Count == 0) break;
                    Commit(_connection!, group);
                }
            }
            finally
            {
                Volatile.Write(ref _leading, 0);
            }
        }
    }

    /// <summary>Opens the writer's connection once; when the file cannot be opened, every queued write fails with why.</summary>
    private bool TryOpen()
    {
        try
        {
            _connection ??= SqliteFiles.Open(_connectionString);
            return true;
        }
        catch (SqliteException error)
        {
            while (_jobs.TryDequeue(out var job)) job.Done.TrySetException(error);
            return false;
        }
    }

    private static void Commit(SqliteConnection connection, List<Job> group)
    {
        var results = new (object? Value, Exception? Error)[group.Count];
        try
        {
            Execute(connection, "BEGIN IMMEDIATE");
            for (var i = 0; i < group.Count; i++) results[i] = RunInSavepoint(connection, group[i]);
            Execute(connection, "COMMIT");
        }
        catch (SqliteException error)
        {
            if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0) Execute(connection, "ROLLBACK");
            foreach (var job in group) job.Done.TrySetException(error);
            return;
        }
        for (var i = 0; i < group.Count; i++)
        {
            if (results[i].Error is { } error) group[i].Done.TrySetException(error);
            else group[i].Done.TrySetResult(results[i].Value);
        }
    }

    private static (object?, Exception?) RunInSavepoint(SqliteConnection connection, Job job)
    {
        Execute(connection, "SAVEPOINT job");
        try
        {
            var value = job.Work(connection);
            Execute(connection, "RELEASE job");
            return (value, null);
        }
        catch (Exception error) when (error is not SqliteException { SqliteErrorCode: 10 or 13 })
        {
            // Anything but a disk failure (I/O error, disk full) undoes only this job.
            Execute(connection, "ROLLBACK TO job");
            Execute(connection, "RELEASE job");
            return (null, error);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class Job(Func<SqliteConnection, object?> work)
    {
        public Func<SqliteConnection, object?> Work { get; } = work;

        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
