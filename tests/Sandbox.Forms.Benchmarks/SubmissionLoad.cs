using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Sandbox.Forms.Benchmarks;

/// <summary>
/// Submissions per second end to end: POST of valid data for the 40-field form until its event reached the
/// subscriber, with p50 and p99 of that time, from several concurrent citizens.
/// </summary>
public static class SubmissionLoad
{
    public static async Task RunAsync(string database, string? postgres, int total, int workers)
    {
        var data = Path.Combine(Path.GetTempPath(), "sandbox-forms-bench-" + Guid.NewGuid().ToString("n")[..8]);
        try
        {
            await using var host = new FormsHost(data, postgres);
            var formId = "bench_" + Guid.NewGuid().ToString("n")[..8];
            var published = await host.Client("designer", "designer-1").PostAsync("api/forms/definitions",
                new StringContent(BenchForm.Schema(formId), Encoding.UTF8, "application/json"));
            if (published.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"publish: {published.StatusCode}");

            // Warm-up: long enough for the JIT to settle (tiered compilation), so the measured run times the code, not the compiler.
            await SubmitAsync(host, formId, 600, workers);
            host.Events.Arrived.Clear();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            int[] gcs = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            var (started, failures) = await SubmitAsync(host, formId, total, workers);

            var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
            // Late events of the warm-up may still arrive: wait for, and time, this run's own.
            while (started.Keys.Any(id => !host.Events.Arrived.ContainsKey(id)) && Stopwatch.GetTimestamp() < deadline) await Task.Delay(20);
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var first = started.Values.Min();
            var last = started.Keys.Where(host.Events.Arrived.ContainsKey).Max(id => host.Events.Arrived[id]);
            var latencies = started.Where(s => host.Events.Arrived.ContainsKey(s.Key))
                .Select(s => Stopwatch.GetElapsedTime(s.Value, host.Events.Arrived[s.Key]).TotalMilliseconds).Order().ToArray();
            var seconds = Stopwatch.GetElapsedTime(first, last).TotalSeconds;
            Console.WriteLine($"{database,-10} {started.Count} submissions ({failures} failed), {workers} workers: " +
                $"{started.Count / seconds:F0}/s end to end; POST→event p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms; " +
                $"{latencies.Length} events delivered; {cpu.TotalMilliseconds * 1000 / started.Count:F0} µs CPU per submission in this process; " +
                $"GCs gen0/1/2 {GC.CollectionCount(0) - gcs[0]}/{GC.CollectionCount(1) - gcs[1]}/{GC.CollectionCount(2) - gcs[2]}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<(ConcurrentDictionary<string, long> Started, int Failures)> SubmitAsync(FormsHost host, string formId, int total, int workers)
    {
        var started = new ConcurrentDictionary<string, long>();
        var failures = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            using var client = host.Client("citizen", $"bench-citizen-{w}");
            while (Interlocked.Increment(ref next) < total)
            {
                var body = new StringContent(BenchForm.ValidData(next).ToJsonString(), Encoding.UTF8, "application/json");
                var at = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync($"api/forms/{formId}/submissions", body);
                if (response.StatusCode != HttpStatusCode.Created) { Interlocked.Increment(ref failures); continue; }
                var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
                started[id] = at;
            }
        }));
        return (started, failures);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
