using System.Diagnostics;

namespace Sandbox.Load;

/// <summary>Request latencies in milliseconds, and their percentiles.</summary>
internal sealed class Latency
{
    private readonly List<double> _samples = [];

    public int Count => _samples.Count;

    public async Task MeasureAsync(HttpClient client, Uri target, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(target, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        _samples.Add(elapsed);
    }

    public double Percentile(double p)
    {
        var sorted = _samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
