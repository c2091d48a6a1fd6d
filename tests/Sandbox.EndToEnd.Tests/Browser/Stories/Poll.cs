using System.Diagnostics;

namespace Sandbox.EndToEnd.Tests.Browser.Stories;

/// <summary>Waiting for something that happens behind the scenes (events, timers), with a generous limit.</summary>
public static class Poll
{
    /// <summary>Asks <paramref name="probe"/> every quarter second until it answers non-null; fails after <paramref name="limit"/>.</summary>
    public static async Task<T> UntilAsync<T>(string what, Func<Task<T?>> probe, TimeSpan? limit = null) where T : class
    {
        var watch = Stopwatch.StartNew();
        var until = limit ?? TimeSpan.FromSeconds(90);
        while (true)
        {
            if (await probe() is { } found) return found;
            if (watch.Elapsed > until) Assert.Fail($"Waited {until.TotalSeconds:F0} s for {what}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>As <see cref="UntilAsync{T}"/>, for a value that is missing while null.</summary>
    public static async Task<T> UntilValueAsync<T>(string what, Func<Task<T?>> probe, TimeSpan? limit = null) where T : struct =>
        (await UntilAsync(what, async () => await probe() is { } found ? new Box<T>(found) : null, limit)).Value;

    private sealed record Box<T>(T Value);
}
