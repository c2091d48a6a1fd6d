using Microsoft.Data.Sqlite;

namespace Sandbox.Sidecar.PubSub;

/// <summary>A message as stored: the CloudEvent envelope, and the original data for raw-payload subscribers.</summary>
public sealed record StoredMessage(long Seq, string Topic, byte[] Envelope, byte[] Data, string ContentType, string? Traceparent, long PublishedAt);

/// <summary>A delivery still owed to one app, with the path chosen when it was queued.</summary>
public sealed record PendingDelivery(long Seq, string AppId, string Path, bool Raw, string? DeadLetterTopic, int Attempts);

/// <summary>
/// The durable log of one pub/sub component. A message is committed here before publish returns; each app has a
/// cursor over the log and a row per delivery it still owes, which is removed only when the delivery is settled.
/// </summary>
public sealed class MessageLog
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT NOT NULL, envelope BLOB NOT NULL,
          data BLOB NOT NULL, content_type TEXT NOT NULL, traceparent TEXT NULL, published_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS cursors (app_id TEXT PRIMARY KEY, seq INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS deliveries (seq INTEGER NOT NULL, app_id TEXT NOT NULL, path TEXT NOT NULL, raw INTEGER NOT NULL,
          dead_letter TEXT NULL, attempts INTEGER NOT NULL, due_at INTEGER NOT NULL, PRIMARY KEY (seq, app_id));
        CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (app_id, due_at);
        """;

    private readonly string _connectionString;

    public MessageLog(string file)
    {
        _connectionString = SqliteFiles.ConnectionString(file);
        SqliteFiles.Initialise(_connectionString, Schema);
    }

    public Task<long> AppendAsync(string topic, byte[] envelope, byte[] data, string contentType, string? traceparent, long publishedAt) =>
        Writer.WriteAsync(connection =>
        {
            using var command = connection.Command(
                "INSERT INTO messages (topic, envelope, data, content_type, traceparent, published_at) VALUES ($t, $e, $d, $c, $p, $at) RETURNING seq",
                ("$t", topic), ("$e", envelope), ("$d", data), ("$c", contentType), ("$p", traceparent), ("$at", publishedAt));
            return (long)command.ExecuteScalar()!;
        });

    /// <summary>Starts an app's cursor at the end of the log the first time the app is seen, so it gets what follows.</summary>
    public void EnsureCursor(string appId) => Execute("INSERT OR IGNORE INTO cursors (app_id, seq) VALUES ($a, (SELECT COALESCE(MAX(seq), 0) FROM messages))", ("$a", appId));

    /// <summary>Forgets the cursor of an app that subscribes to nothing here, so it does not hold back compaction.</summary>
    public Task DropCursorAsync(string appId) => ExecuteAsync("DELETE FROM cursors WHERE app_id = $a", ("$a", appId));

    /// <summary>Reads messages past the app's cursor and queues deliveries for those <paramref name="route"/> accepts.</summary>
    public async Task<int> FanOutAsync(string appId, Func<StoredMessage, (string Path, bool Raw, string? DeadLetter)?> route, long now)
    {
        var messages = new List<StoredMessage>();
        using (var connection = SqliteFiles.Open(_connectionString))
        {
            var cursor = Scalar(connection, "SELECT seq FROM cursors WHERE app_id = $a", ("$a", appId));
            using var select = connection.Command("SELECT seq, topic, envelope, data, content_type, traceparent, published_at FROM messages WHERE seq > $s ORDER BY seq LIMIT 1000", ("$s", cursor));
            using var reader = select.ExecuteReader();
            while (reader.Read()) messages.Add(ReadMessage(reader));
        }
        if (messages.Count == 0) return 0;
        var targets = messages.Select(m => (Message: m, Target: route(m))).Where(m => m.Target is not null).ToList();
        await Writer.WriteAsync(connection =>
        {
            foreach (var (message, target) in targets)
            {
                using var insert = connection.Command(
                    "INSERT OR IGNORE INTO deliveries (seq, app_id, path, raw, dead_letter, attempts, due_at) VALUES ($s, $a, $p, $r, $d, 0, $due)",
                    ("$s", message.Seq), ("$a", appId), ("$p", target!.Value.Path), ("$r", target.Value.Raw ? 1 : 0), ("$d", target.Value.DeadLetter), ("$due", now));
                insert.ExecuteNonQuery();
            }
            using var advance = connection.Command("UPDATE cursors SET seq = $s WHERE app_id = $a", ("$s", messages[^1].Seq), ("$a", appId));
            advance.ExecuteNonQuery();
        });
        return messages.Count;
    }

    public List<(PendingDelivery Delivery, StoredMessage Message)> Due(string appId, long now, int limit, IReadOnlySet<long> skip)
    {
        using var connection = SqliteFiles.Open(_connectionString);
        using var command = connection.Command(
            "SELECT d.seq, d.path, d.raw, d.dead_letter, d.attempts, m.topic, m.envelope, m.data, m.content_type, m.traceparent, m.published_at " +
            "FROM deliveries d JOIN messages m ON m.seq = d.seq WHERE d.app_id = $a AND d.due_at <= $now ORDER BY d.due_at, d.seq LIMIT $l",
            ("$a", appId), ("$now", now), ("$l", limit + skip.Count));
        using var reader = command.ExecuteReader();
        var due = new List<(PendingDelivery, StoredMessage)>();
        while (reader.Read() && due.Count < limit)
        {
            var seq = reader.GetInt64(0);
            if (skip.Contains(seq)) continue;
            var delivery = new PendingDelivery(seq, appId, reader.GetString(1), reader.GetInt64(2) == 1, reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4));
            var message = new StoredMessage(seq, reader.GetString(5), (byte[])reader.GetValue(6), (byte[])reader.GetValue(7), reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetInt64(10));
            due.Add((delivery, message));
        }
        return due;
    }

    public Task SettleAsync(PendingDelivery delivery) =>
        ExecuteAsync("DELETE FROM deliveries WHERE seq = $s AND app_id = $a", ("$s", delivery.Seq), ("$a", delivery.AppId));

    public Task RescheduleAsync(PendingDelivery delivery, int attempts, long dueAt) =>
        ExecuteAsync("UPDATE deliveries SET attempts = $n, due_at = $due WHERE seq = $s AND app_id = $a",
            ("$n", attempts), ("$due", dueAt), ("$s", delivery.Seq), ("$a", delivery.AppId));

    /// <summary>Removes messages that every known app's cursor has passed and that no delivery still needs.</summary>
    public Task CompactAsync() => ExecuteAsync(
        "DELETE FROM messages WHERE seq <= (SELECT COALESCE(MIN(seq), 0) FROM cursors) AND seq NOT IN (SELECT seq FROM deliveries)");

    public long Depth()
    {
        using var connection = SqliteFiles.Open(_connectionString);
        return Scalar(connection, "SELECT COUNT(*) FROM deliveries");
    }

    private SqliteWriter Writer => SqliteWriter.For(_connectionString);

    /// <summary>Only for start-up, before any other writer runs.</summary>
    private void Execute(string sql, params (string, object?)[] parameters) => ExecuteAsync(sql, parameters).GetAwaiter().GetResult();

    private Task ExecuteAsync(string sql, params (string, object?)[] parameters) => Writer.WriteAsync(connection =>
    {
        using var command = connection.Command(sql, parameters);
        command.ExecuteNonQuery();
    });

    private static long Scalar(SqliteConnection connection, string sql, params (string, object?)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        return command.ExecuteScalar() is long value ? value : 0;
    }

    private static StoredMessage ReadMessage(SqliteDataReader r) => new(r.GetInt64(0), r.GetString(1), (byte[])r.GetValue(2), (byte[])r.GetValue(3),
        r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetInt64(6));
}
