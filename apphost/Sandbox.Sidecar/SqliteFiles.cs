using Microsoft.Data.Sqlite;

namespace Sandbox.Sidecar;

/// <summary>Opens the sidecar's SQLite files with the settings every one of them needs.</summary>
public static class SqliteFiles
{
    /// <summary>
    /// A pooled connection string for a file. WAL lets several sidecar processes share a file; synchronous=NORMAL in WAL
    /// mode keeps every committed write across a process crash, which is the durability the sandbox promises.
    /// </summary>
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // Checkpoints (which fsync) run in the background, see Checkpoint, instead of inside a caller's commit.
        pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA wal_autocheckpoint=0;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Copies committed WAL pages into every file opened so far, without blocking readers or writers.</summary>
    public static void CheckpointAll()
    {
        foreach (var connectionString in SqliteWriter.Files)
        {
            using var connection = Open(connectionString);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
        }
    }

    public static void Initialise(string connectionString, string schema)
    {
        using var connection = Open(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;" + schema;
        command.ExecuteNonQuery();
        SqliteWriter.For(connectionString);
    }

    public static SqliteCommand Command(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
