using Microsoft.Data.Sqlite;

namespace Sandbox.Data;

/// <summary>Names the database file a SQLite connection string opens, so that per-file state can be shared.</summary>
internal static class SqliteFiles
{
    /// <summary>The full path of the file, or the whole connection string for an in-memory database.</summary>
    public static string KeyOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || source.Length == 0 || source == ":memory:") return connectionString;
        return Path.GetFullPath(source);
    }
}
