namespace Sandbox.Sidecar.State;

public enum Concurrency { Unspecified, FirstWrite, LastWrite }

/// <summary>A stored value with its etag; <see cref="ExpiresAt"/> is set when it was saved with a TTL.</summary>
public sealed record StateEntry(string Key, byte[] Value, string Etag, DateTimeOffset? ExpiresAt)
{
    public IReadOnlyDictionary<string, string> Metadata => ExpiresAt is { } at
        ? new Dictionary<string, string> { ["ttlExpireTime"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ") }
        : new Dictionary<string, string>();
}

/// <summary>One change in a save, delete or transaction.</summary>
public abstract record StateOperation(string Key, string? Etag, Concurrency Concurrency);

public sealed record StateUpsert(string Key, byte[] Value, string? Etag, Concurrency Concurrency, IReadOnlyDictionary<string, string> Metadata)
    : StateOperation(Key, Etag, Concurrency)
{
    /// <summary>The TTL asked for in <c>ttlInSeconds</c>; null for none (absent or -1).</summary>
    public TimeSpan? Ttl()
    {
        if (!Metadata.TryGetValue("ttlInSeconds", out var text)) return null;
        if (!long.TryParse(text, out var seconds) || seconds < -1)
            throw DaprErrors.BadRequest("ERR_STATE_SAVE", $"ttlInSeconds '{text}' is not a whole number of seconds (or -1)");
        return seconds == -1 ? null : TimeSpan.FromSeconds(seconds);
    }
}

public sealed record StateRemove(string Key, string? Etag, Concurrency Concurrency) : StateOperation(Key, Etag, Concurrency);
