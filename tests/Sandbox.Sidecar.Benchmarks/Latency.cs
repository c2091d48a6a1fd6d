using System.Diagnostics;

namespace Sandbox.Sidecar.Benchmarks;

/// <summary>Latency samples of one scenario and their percentiles, in milliseconds.</summary>
public sealed class Latency(string name)
{
    private readonly List<double> _samples = [];

    public string Name { get; } = name;

    public int Count => _samples.Count;

    public void Add(double milliseconds)
    {
        lock (_samples) _samples.Add(milliseconds);
    }

    public double Percentile(double p)
    {
        lock (_samples)
        {
            if (_samples.Count == 0) return double.NaN;
            var sorted = _samples.Order().ToList();
            return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
        }
    }

    /// <summary>
    /// Sends <paramref name="call"/> at a fixed rate for <paramref name="duration"/> without waiting for earlier calls
    /// (an open loop, as load generators measure sidecars), and records each call's own latency.
    /// </summary>
    public static async Task<Latency> PacedAsync(string name, int perSecond, TimeSpan duration, Func<int, Task> call, bool record = true)
    {
        var latency = new Latency(name);
        var total = (int)(perSecond * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var clock = Stopwatch.StartNew();
        var calls = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = interval * i;
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            var n = i;
            calls.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                await call(n);
                if (record) latency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }));
        }
        await Task.WhenAll(calls);
        return latency;
    }
}
