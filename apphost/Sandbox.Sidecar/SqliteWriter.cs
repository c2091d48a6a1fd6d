using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Sandbox.Sidecar;

/// <summary>
/// The one writer of a SQLite file in this process. Writes queue here and a dedicated thread commits them in groups:
/// one transaction per group, each write in its own savepoint so a failing write (an etag conflict) rolls back alone.
/// A caller's task completes only after the commit, so what it wrote survives a crash. Callers never block a
/// thread-pool thread waiting for the file, and many small writes share one commit.
/// </summary>
public sealed class SqliteWriter
{
    private const int MaxGroup = 256;
    private static readonly ConcurrentDictionary<string, SqliteWriter> Writers = new();

    private readonly Channel<Job> _jobs = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;

    private SqliteWriter(string connectionString)
    {
        _connectionString = connectionString;
        new Thread(Run) { IsBackground = true, Name = "sqlite-writer" }.Start();
    }

    public static SqliteWriter For(string connectionString) => Writers.GetOrAdd(connectionString, cs => new SqliteWriter(cs));

    public static IEnumerable<string> Files => Writers.Keys;

    public async Task<T> WriteAsync<T>(Func<SqliteConnection, T> work)
    {
        var job = new Job(connection => work(connection));
        _jobs.Writer.TryWrite(job);
        return (T)(await job.Done.Task)!;
    }

    public Task WriteAsync(Action<SqliteConnection> work) => WriteAsync<object?>(connection =>
    {
        work(connection);
        return null;
    });

    private void Run()
    {
        using var connection = SqliteFiles.Open(_connectionString);
        var group = new List<Job>(MaxGroup);
        while (_jobs.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            group.Clear();
            while (group.Count < MaxGroup && _jobs.Reader.TryRead(out var job)) group.Add(job);
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
                continue;
            }
            for (var i = 0; i < group.Count; i++)
            {
                if (results[i].Error is { } error) group[i].Done.TrySetException(error);
                else group[i].Done.TrySetResult(results[i].Value);
            }
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
