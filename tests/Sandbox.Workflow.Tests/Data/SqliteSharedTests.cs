using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sandbox.Data;

namespace Sandbox.Workflow.Tests.Data;

/// <summary>The SQLite write gate and connection set-up that the services share (Sandbox.Data).</summary>
public sealed class SqliteSharedTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "sandbox-sqlite-" + Guid.NewGuid().ToString("n")[..8])).FullName;

    private string File => Path.Combine(_folder, "test.db");

    [Fact]
    public async Task Gate_LetsOneWriterOfAFileAtATime()
    {
        // Two connection strings for one file share a gate.
        var first = SqliteWriteGate.ForSqlite($"Data Source={File}");
        var second = SqliteWriteGate.ForSqlite($"Data Source={File};Default Timeout=30");
        Assert.Same(first, second);
        Assert.True(first.Serializes);

        var turn = await first.EnterAsync(TestContext.Current.CancellationToken);
        var waiting = second.EnterAsync(TestContext.Current.CancellationToken).AsTask();
        Assert.False(waiting.IsCompleted);
        turn.Dispose();
        using (await waiting) { }
    }

    [Fact]
    public async Task Gate_WaitCanBeCancelled()
    {
        var gate = SqliteWriteGate.ForSqlite($"Data Source={File}");
        using var turn = await gate.EnterAsync(TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();
        var waiting = gate.EnterAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Gate_IsANoOpForPostgres()
    {
        await using var db = new DbContext(new DbContextOptionsBuilder().UseNpgsql("Host=localhost;Database=none").Options);
        var gate = SqliteWriteGate.For(db.Database);
        Assert.Same(SqliteWriteGate.None, gate);
        Assert.False(gate.Serializes);
        var first = gate.EnterAsync(TestContext.Current.CancellationToken);
        var second = gate.EnterAsync(TestContext.Current.CancellationToken);
        Assert.True(first.IsCompleted && second.IsCompleted);
    }

    [Fact]
    public void Gate_OfASqliteContextIsItsFilesGate()
    {
        using var db = new DbContext(new DbContextOptionsBuilder().UseSqlite($"Data Source={File}").Options);
        Assert.Same(SqliteWriteGate.ForSqlite($"Data Source={File}"), SqliteWriteGate.For(db.Database));
    }

    [Fact]
    public async Task Setup_SetsThePragmasOncePerNativeConnection_AndWal()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new DbContextOptionsBuilder().UseSqlite($"Data Source={File}")
            .AddInterceptors(new SqliteConnectionSetup(new SqliteConnectionOptions
            {
                Synchronous = SqliteSynchronous.Full,
                BusyTimeout = TimeSpan.FromMilliseconds(1234),
            })).Options;

        await using (var db = new DbContext(options))
        {
            await db.Database.OpenConnectionAsync(ct);
            Assert.Equal("wal", await PragmaAsync(db, "journal_mode", ct));
            Assert.Equal("2", await PragmaAsync(db, "synchronous", ct)); // FULL
            Assert.Equal("1234", await PragmaAsync(db, "busy_timeout", ct));
            // Changed behind the interceptor's back: a second set-up of this native connection would undo it.
            await PragmaAsync(db, "synchronous = OFF", ct);
        }

        await using (var db = new DbContext(options))
        {
            await db.Database.OpenConnectionAsync(ct); // the same pooled native connection
            Assert.Equal("0", await PragmaAsync(db, "synchronous", ct));
        }
    }

    [Fact]
    public void Setup_RejectsAnUnknownSynchronousLevel()
    {
        Assert.Equal(SqliteSynchronous.Normal, SqliteConnectionOptions.ParseSynchronous("normal", "Sandbox:Workflow:SqliteSynchronous"));
        Assert.Equal(SqliteSynchronous.Full, SqliteConnectionOptions.ParseSynchronous("FULL", "Sandbox:Workflow:SqliteSynchronous"));
        var error = Assert.Throws<InvalidOperationException>(() =>
            SqliteConnectionOptions.ParseSynchronous("off", "Sandbox:Workflow:SqliteSynchronous"));
        Assert.Contains("Sandbox:Workflow:SqliteSynchronous", error.Message);
    }

    private static async Task<string?> PragmaAsync(DbContext db, string pragma, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + pragma + ";";
        return (await command.ExecuteScalarAsync(ct))?.ToString();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        SqliteConnection.ClearPool(new SqliteConnection($"Data Source={File}"));
        Directory.Delete(_folder, recursive: true);
    }
}
