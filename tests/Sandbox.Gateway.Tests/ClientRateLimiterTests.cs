using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Sandbox.Gateway.Tests;

public class ClientRateLimiterTests
{
    private static readonly RateLimitOptions Options = new() { TokenLimit = 3, TokensPerSecond = 1 };

    [Fact]
    public void Acquire_BeyondBurst_IsRefusedWithRetryAfter()
    {
        using var limiter = ClientRateLimiter.Create(Options);
        var client = Request("10.0.0.1", "/api/forms/info");

        var granted = Enumerable.Range(0, 3).Select(_ => limiter.AttemptAcquire(client)).ToList();
        using var refused = limiter.AttemptAcquire(client);

        Assert.All(granted, lease => Assert.True(lease.IsAcquired));
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.True(retryAfter > TimeSpan.Zero);
        granted.ForEach(lease => lease.Dispose());
    }

    [Fact]
    public void Acquire_OneClientExhausted_OtherClientStillServed()
    {
        using var limiter = ClientRateLimiter.Create(Options);
        for (var i = 0; i < 3; i++)
        {
            limiter.AttemptAcquire(Request("10.0.0.1", "/")).Dispose();
        }

        using var first = limiter.AttemptAcquire(Request("10.0.0.1", "/"));
        using var second = limiter.AttemptAcquire(Request("10.0.0.2", "/"));

        Assert.False(first.IsAcquired);
        Assert.True(second.IsAcquired);
    }

    [Theory]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    [InlineData("/alive")]
    public void Acquire_HealthProbe_IsNeverLimited(string path)
    {
        using var limiter = ClientRateLimiter.Create(Options);

        var leases = Enumerable.Range(0, 50).Select(_ => limiter.AttemptAcquire(Request("10.0.0.1", path))).ToList();

        Assert.All(leases, lease => Assert.True(lease.IsAcquired));
        leases.ForEach(lease => lease.Dispose());
    }

    private static DefaultHttpContext Request(string ip, string path)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        context.Request.Path = path;
        return context;
    }
}
