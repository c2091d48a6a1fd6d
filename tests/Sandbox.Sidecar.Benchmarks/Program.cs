using System.Diagnostics;
using System.Net.Http.Json;
using Dapr.Client;
using Sandbox.Sidecar.Benchmarks;

// Added latency of Sandbox.Sidecar against calling the app directly, at a fixed request rate, and sustained
// publish-to-delivery throughput with every message committed to SQLite.
// Usage: Sandbox.Sidecar.Benchmarks [--rate 1000] [--seconds 10] [--messages 20000] [--only NAME-PART]
var options = args.Chunk(2).ToDictionary(pair => pair[0], pair => pair.ElementAtOrDefault(1) ?? "");
var rate = int.Parse(options.GetValueOrDefault("--rate", "1000"));
var duration = TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("--seconds", "10")));
var messages = int.Parse(options.GetValueOrDefault("--messages", "20000"));
var only = options.GetValueOrDefault("--only");

var root = Directory.CreateTempSubdirectory("sidecar-bench").FullName;
var resources = Directory.CreateDirectory(Path.Combine(root, "resources")).FullName;
var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
File.WriteAllText(Path.Combine(resources, "components.yaml"), """
    apiVersion: dapr.io/v1alpha1
    kind: Component
    metadata:
      name: statestore
    spec:
      type: state.sqlite
      version: v1
    ---
    apiVersion: dapr.io/v1alpha1
    kind: Component
    metadata:
      name: pubsub
    spec:
      type: pubsub.in-memory
      version: v1
    """);

await using var target = await TargetApp.StartAsync(subscribe: true);
await using var remoteTarget = await TargetApp.StartAsync(subscribe: false);
var (callerHttp, callerGrpc, targetHttp, targetGrpc) = (SidecarRunner.FreePort(), SidecarRunner.FreePort(), SidecarRunner.FreePort(), SidecarRunner.FreePort());
var (remoteCallerHttp, remoteCallerGrpc, remoteHttp, remoteGrpc) = (SidecarRunner.FreePort(), SidecarRunner.FreePort(), SidecarRunner.FreePort(), SidecarRunner.FreePort());
await using var shared = await SidecarRunner.StartAsync(resources, data, $"caller:0:{callerHttp}:{callerGrpc}", $"target:{target.Port}:{targetHttp}:{targetGrpc}");
await using var first = await SidecarRunner.StartAsync(resources, data, $"caller2:0:{remoteCallerHttp}:{remoteCallerGrpc}");
await using var second = await SidecarRunner.StartAsync(resources, data, $"target2:{remoteTarget.Port}:{remoteHttp}:{remoteGrpc}");

using var dapr = new DaprClientBuilder().UseHttpEndpoint($"http://127.0.0.1:{callerHttp}").UseGrpcEndpoint($"http://127.0.0.1:{callerGrpc}").UseDaprApiToken(SidecarRunner.Token).Build();
using var remoteDapr = new DaprClientBuilder().UseHttpEndpoint($"http://127.0.0.1:{remoteCallerHttp}").UseGrpcEndpoint($"http://127.0.0.1:{remoteCallerGrpc}").UseDaprApiToken(SidecarRunner.Token).Build();
using var direct = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{target.Port}") };
var viaSidecar = dapr.CreateInvokableHttpClient("target");
var viaTwoSidecars = remoteDapr.CreateInvokableHttpClient("target2");
await dapr.WaitForSidecarAsync();
while (Volatile.Read(ref target.Delivered) == 0 && await Probe()) { }

async Task<bool> Probe()
{
    await dapr.PublishEventAsync("pubsub", "bench", new { n = -1 });
    return !await target.ArrivalOf(-1).Task.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(t => t.IsCompletedSuccessfully);
}

var next = 0;
var scenarios = new (string Name, Func<int, Task> Call)[]
{
    ("direct app call (baseline)", _ => direct.GetStringAsync("/ping")),
    ("invoke, one sidecar process", _ => viaSidecar.GetStringAsync("/ping")),
    ("invoke, two sidecar processes", _ => viaTwoSidecars.GetStringAsync("/ping")),
    ("state save+get (gRPC)", async n => { var key = $"k{n % 5000}"; await dapr.SaveStateAsync("statestore", key, new { n }); await dapr.GetStateAsync<object>("statestore", key); }),
    ("direct POST to app (baseline)", _ => direct.PostAsJsonAsync("/events", new { n = -2 })),
    ("publish -> delivery", async _ => { var n = Interlocked.Increment(ref next); var arrival = target.ArrivalOf(n); await dapr.PublishEventAsync("pubsub", "bench", new { n }); await arrival.Task; }),
};
// Other work on the machine shows up directly in the tails, so the load it was measured under is part of the result.
static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
Console.WriteLine($"Rate {rate} req/s for {duration.TotalSeconds:0} s per scenario (after a 2 s warm-up), {Environment.ProcessorCount} cores, load average {Load()}");
Console.WriteLine($"{"scenario",-32}{"n",8}{"p50 ms",10}{"p90 ms",10}{"p99 ms",10}");
var results = new Dictionary<string, Latency>();
foreach (var (name, call) in scenarios.Where(s => only is null || s.Name.Contains(only, StringComparison.Ordinal) || s.Name.Contains("baseline", StringComparison.Ordinal)))
{
    await Latency.PacedAsync(name, rate, TimeSpan.FromSeconds(2), call, record: false);
    var latency = await Latency.PacedAsync(name, rate, duration, call);
    results[name] = latency;
    Console.WriteLine($"{name,-32}{latency.Count,8}{latency.Percentile(50),10:0.00}{latency.Percentile(90),10:0.00}{latency.Percentile(99),10:0.00}");
}

void Added(string scenario, string baseline)
{
    if (!results.ContainsKey(scenario)) return;
    var (s, b) = (results[scenario], results[baseline]);
    Console.WriteLine($"{"+ " + scenario,-40}{s.Percentile(50) - b.Percentile(50),10:+0.00;-0.00}{s.Percentile(90) - b.Percentile(90),10:+0.00;-0.00}{s.Percentile(99) - b.Percentile(99),10:+0.00;-0.00}");
}
Console.WriteLine($"\nAdded latency against the direct call{"",3}{"p50 ms",10}{"p90 ms",10}{"p99 ms",10}");
Added("invoke, one sidecar process", "direct app call (baseline)");
Added("invoke, two sidecar processes", "direct app call (baseline)");
Added("state save+get (gRPC)", "direct app call (baseline)");
Added("publish -> delivery", "direct POST to app (baseline)");

// Sustained throughput: publish as fast as 32 concurrent publishers can, until every message is delivered.
var start = next + 1;
var delivered = Volatile.Read(ref target.Delivered);
var clock = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(start, messages), new ParallelOptions { MaxDegreeOfParallelism = 32 },
    async (n, _) => await dapr.PublishEventAsync("pubsub", "bench", new { n }));
var published = clock.Elapsed;
while (Volatile.Read(ref target.Delivered) - delivered < messages) await Task.Delay(5);
var all = clock.Elapsed;
Console.WriteLine($"\nSustained, durable (SQLite WAL, committed before publish returns): {messages} messages");
Console.WriteLine($"  publish: {messages / published.TotalSeconds:0} msg/s; publish -> all delivered: {messages / all.TotalSeconds:0} msg/s ({all.TotalSeconds:0.0} s)");
Console.WriteLine($"Load average at the end: {Load()}");
Directory.Delete(root, recursive: true);
