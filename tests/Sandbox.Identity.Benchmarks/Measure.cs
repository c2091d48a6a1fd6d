using System.Diagnostics;

namespace Sandbox.Identity.Benchmarks;

internal sealed record Rate(string Name, long Count, long Failures, TimeSpan Elapsed, int Workers)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Name,-44} {PerSecond,12:N0} /s   ({Count:N0} ok, {Failures:N0} failed, {Workers} workers, {Elapsed.TotalSeconds:N1} s)";
}

internal static class Measure
{
    /// <summary>Runs <paramref name="operation"/> on several workers for a fixed time after a warm-up; counts successes.</summary>
    public static async Task<Rate> RunAsync(string name, int workers, TimeSpan duration, Func<Task<bool>> operation)
    {
        for (var i = 0; i < 20; i++) await operation();
        long ok = 0, failed = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (stopwatch.Elapsed < duration)
            {
                if (await operation()) Interlocked.Increment(ref ok);
                else Interlocked.Increment(ref failed);
            }
        })));
        return new Rate(name, ok, failed, stopwatch.Elapsed, workers);
    }
}
