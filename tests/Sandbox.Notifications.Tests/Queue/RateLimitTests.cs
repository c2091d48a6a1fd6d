using Microsoft.Extensions.Time.Testing;
using Sandbox.Notifications.Hosting;
using Sandbox.Notifications.Sending;

namespace Sandbox.Notifications.Tests.Queue;

public class RateLimitTests
{
    [Fact]
    public void FullWindow_SaysWhenTheNextOneStarts_PerTenantAndChannel()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 10, 0, 30, TimeSpan.Zero));
        var limits = new RateLimits(new NotificationsOptions { RatePerMinute = 2, RateLimits = { ["sms"] = 1, ["bergen:email"] = 5 } }, clock);

        Assert.True(limits.TryAcquire("uppsala", "email", out _));
        Assert.True(limits.TryAcquire("uppsala", "email", out _));
        Assert.False(limits.TryAcquire("uppsala", "email", out var retryAt));
        Assert.Equal(new DateTime(2026, 12, 4, 10, 1, 0, DateTimeKind.Utc), retryAt);

        Assert.True(limits.TryAcquire("tampere", "email", out _));
        Assert.True(limits.TryAcquire("uppsala", "sms", out _));
        Assert.False(limits.TryAcquire("uppsala", "sms", out _));
        Assert.Equal(5, limits.Limit("bergen", "email"));

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(limits.TryAcquire("uppsala", "email", out _));
    }
}
