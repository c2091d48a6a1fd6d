using System.Collections.Concurrent;
using Sandbox.Notifications.Hosting;

namespace Sandbox.Notifications.Sending;

/// <summary>
/// A fixed one-minute window per tenant and channel in this service instance. A message over the limit is not
/// dropped: it goes back to the queue until the next window.
/// </summary>
public sealed class RateLimits(NotificationsOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new();

    private sealed class Window
    {
        public long Minute;
        public int Count;
    }

    /// <summary>The limit for a tenant and channel: <c>RateLimits["tenant:channel"]</c>, <c>RateLimits["channel"]</c>, else <c>RatePerMinute</c>.</summary>
    public int Limit(string tenant, string channel) =>
        options.RateLimits.TryGetValue($"{tenant}:{channel}", out var exact) ? exact
        : options.RateLimits.TryGetValue(channel, out var perChannel) ? perChannel
        : options.RatePerMinute;

    /// <summary>Takes one message from the window; false with the start of the next window when it is full.</summary>
    public bool TryAcquire(string tenant, string channel, out DateTime retryAt)
    {
        var now = clock.GetUtcNow();
        var minute = now.ToUnixTimeSeconds() / 60;
        retryAt = DateTimeOffset.FromUnixTimeSeconds((minute + 1) * 60).UtcDateTime;
        var window = _windows.GetOrAdd($"{tenant}:{channel}", _ => new Window());
        lock (window)
        {
            if (window.Minute != minute)
            {
                window.Minute = minute;
                window.Count = 0;
            }
            if (window.Count >= Limit(tenant, channel)) return false;
            window.Count++;
            return true;
        }
    }
}
