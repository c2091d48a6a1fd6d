using Microsoft.Data.Sqlite;
using Sandbox.Sidecar.Components;

namespace Sandbox.Sidecar.State;

/// <summary>
/// The <c>state.sqlite</c> component: values with etags and optional TTL in one SQLite table. Keys are stored as daprd
/// stores them (<c>appId||key</c> by default, after the <c>keyPrefix</c> metadata). Every write runs in one
/// transaction, so a bulk save or a transaction either applies in full or not at all.
/// </summary>
public sealed class SqliteStateStore
{
    private readonly string _connectionString;
    private readonly string _table;
    private readonly string _keyPrefix;
    private readonly TimeProvider _clock;

    public SqliteStateStore(Component component, string dataPath, TimeProvider clock)
    {
        Name = component.Name;
        _clock = clock;
        _table = component.Get("tableName") ?? "state";
        if (!System.Text.RegularExpressions.Regex.IsMatch(_table, "^[A-Za-z_][A-Za-z0-9_]*$"))
            throw new ResourceException(component.Source, $"tableName '{_table}' is not a plain SQL identifier");
        _keyPrefix = component.Get("keyPrefix") ?? "appid";
        var file = component.Get("connectionString")?.Replace("file:", "", StringComparison.Ordinal) ?? $"state-{Name}.db";
        _connectionString = SqliteFiles.ConnectionString(Path.Combine(dataPath, file.Split('?')[0]));
        SqliteFiles.Initialise(_connectionString,
            $"CREATE TABLE IF NOT EXISTS {_table} (key TEXT PRIMARY KEY, value BLOB NOT NULL, etag TEXT NOT NULL, expires_at INTEGER NULL);");
    }

    public string Name { get; }

    public string StoredKey(string appId, string key) => _keyPrefix switch
    {
        "appid" => $"{appId}||{key}",
        "name" => $"{Name}||{key}",
        "none" => key,
        var prefix => $"{prefix}||{key}",
    };

    public StateEntry? Get(string appId, string key)
    {
        using var connection = SqliteFiles.Open(_connectionString);
        return Read(connection, StoredKey(appId, key), key);
    }

    public IReadOnlyList<(string Key, StateEntry? Entry)> BulkGet(string appId, IEnumerable<string> keys)
    {
        using var connection = SqliteFiles.Open(_connectionString);
        return keys.Select(key => (key, Read(connection, StoredKey(appId, key), key))).ToList();
    }

    /// <summary>Applies all operations atomically; an etag conflict rolls all of them back.</summary>
    public Task ApplyAsync(string appId, IReadOnlyList<StateOperation> operations) =>
        SqliteWriter.For(_connectionString).WriteAsync(connection =>
        {
            foreach (var operation in operations)
            {
                var stored = StoredKey(appId, operation.Key);
                var current = Read(connection, stored, operation.Key);
                if (!EtagAllows(operation, current)) throw DaprErrors.EtagMismatch(operation.Key);
                switch (operation)
                {
                    case StateUpsert upsert: Write(connection, stored, upsert); break;
                    case StateRemove: Execute(connection, $"DELETE FROM {_table} WHERE key = $k", ("$k", stored)); break;
                }
            }
        });

    /// <summary>Deletes values whose TTL has passed; reads already treat them as absent.</summary>
    public Task RemoveExpiredAsync() => SqliteWriter.For(_connectionString).WriteAsync(connection =>
        Execute(connection, $"DELETE FROM {_table} WHERE expires_at IS NOT NULL AND expires_at <= $now", ("$now", _clock.GetUtcNow().ToUnixTimeMilliseconds())));

    private static bool EtagAllows(StateOperation operation, StateEntry? current)
    {
        if (operation.Concurrency == Concurrency.LastWrite) return true;
        if (!string.IsNullOrEmpty(operation.Etag)) return current is not null && current.Etag == operation.Etag;
        // First-write without an etag may only create; deleting something absent is fine either way.
        return operation.Concurrency != Concurrency.FirstWrite || current is null || operation is StateRemove;
    }

    private void Write(SqliteConnection connection, string stored, StateUpsert upsert)
    {
        var expires = upsert.Ttl() is { } ttl ? _clock.GetUtcNow().Add(ttl).ToUnixTimeMilliseconds() : (long?)null;
        Execute(connection,
            $"INSERT INTO {_table} (key, value, etag, expires_at) VALUES ($k, $v, $e, $x) " +
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag, expires_at = excluded.expires_at",
            ("$k", stored), ("$v", upsert.Value), ("$e", Guid.NewGuid().ToString()), ("$x", expires));
    }

    private StateEntry? Read(SqliteConnection connection, string stored, string key)
    {
        using var command = connection.Command($"SELECT value, etag, expires_at FROM {_table} WHERE key = $k", ("$k", stored));
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        DateTimeOffset? expires = reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2));
        if (expires is { } at && at <= _clock.GetUtcNow()) return null;
        return new StateEntry(key, (byte[])reader.GetValue(0), reader.GetString(1), expires);
    }

    private static void Execute(SqliteConnection connection, string sql, params (string, object?)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        command.ExecuteNonQuery();
    }
}
