using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Sandbox.Security;
using Sandbox.Testing;
using Sandbox.Workflow.Benchmarks;

// Through HTTP: instances started by concurrent callers, each a service task done by job workers that activate
// and complete over HTTP, then the end. Prints instances started and completed per second, the start->complete
// latency (p50, p99), and the CPU time per instance of this process (service and callers) and of the PostgreSQL server.
//   dotnet run -c Release --project tests/Sandbox.Workflow.Benchmarks -- [sqlite|postgres] [instances] [starters] [workers]
var store = args.ElementAtOrDefault(0) ?? "sqlite";
var instances = int.Parse(args.ElementAtOrDefault(1) ?? "2000");
var starters = int.Parse(args.ElementAtOrDefault(2) ?? "8");
var workers = int.Parse(args.ElementAtOrDefault(3) ?? "4");

var folder = Path.Combine(Path.GetTempPath(), "sandbox-workflow-bench-" + Guid.NewGuid().ToString("n")[..8]);
PostgresServer? server = store == "postgres" ? await PostgresServer.StartAsync() : null;
try
{
    await using var host = new BenchmarkHost(folder, server?.ConnectionString("workflow_bench"));
    const string tenant = "bench";
    using var designer = host.Client(Roles.Designer, tenant);
    (await designer.PostAsync("processes", new StringContent(Bench.Model, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();

    // Warm-up outside the measurement: a few instances through the same path.
    await RunAsync(host, tenant, 50, starters, workers);
    var serverCpu = ServerCpu.Find(server?.Port);
    var (cpuBefore, serverBefore) = (Process.GetCurrentProcess().TotalProcessorTime, serverCpu.Total());
    var run = await RunAsync(host, tenant, instances, starters, workers);
    var (cpu, serverCpuUsed) = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore, serverCpu.Total() - serverBefore);
    var rate = instances / run.Elapsed.TotalSeconds;
    run.Latencies.Sort();
    Console.WriteLine($"store={store} instances={instances} starters={starters} workers={workers} " +
        $"elapsed={run.Elapsed.TotalSeconds:F2}s instances/s={rate:F0} events={host.Events.Count}");
    Console.WriteLine($"start->complete latency p50={Percentile(run.Latencies, 0.50):F1}ms p99={Percentile(run.Latencies, 0.99):F1}ms " +
        $"cpu/instance={cpu.TotalMilliseconds / instances:F2}ms (service and callers)" +
        (server is null ? "" : $" postgres cpu/instance={serverCpuUsed.TotalMilliseconds / instances:F2}ms") +
        $" activations={run.Activations} (empty {run.EmptyActivations})");
}
finally
{
    if (server is not null) await server.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
}

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

static async Task<Run> RunAsync(BenchmarkHost host, string tenant, int count, int starters, int workers)
{
    var completed = 0;
    var (activations, empty) = (0, 0);
    var clock = Stopwatch.StartNew();
    var startedAt = new ConcurrentDictionary<string, long>();
    var latencies = new ConcurrentBag<double>();
    var started = 0;
    var starting = Enumerable.Range(0, starters).Select(async _ =>
    {
        using var client = host.Client(Roles.Caseworker, tenant);
        while (Interlocked.Increment(ref started) <= count)
        {
            var at = Stopwatch.GetTimestamp();
            var response = await client.PostAsJsonAsync("processes/bench/instances", new { variables = new { amount = 12 } });
            response.EnsureSuccessStatusCode();
            startedAt[(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>()] = at;
        }
    }).ToList();
    var working = Enumerable.Range(0, workers).Select(async w =>
    {
        using var client = host.Client(Roles.Service, tenant);
        while (Volatile.Read(ref completed) < count)
        {
            var response = await client.PostAsJsonAsync("jobs/activate", new { type = "bench-work", worker = $"w{w}", maxJobs = 32, timeout = 60_000 });
            var jobs = (await response.Content.ReadFromJsonAsync<JsonObject>())!["jobs"]!.AsArray();
            Interlocked.Increment(ref activations);
            if (jobs.Count == 0)
            {
                Interlocked.Increment(ref empty);
                await Task.Delay(2);
                continue;
            }
            foreach (var job in jobs)
            {
                (await client.PostAsJsonAsync($"jobs/{job!["key"]}/complete", new { variables = new { done = true } })).EnsureSuccessStatusCode();
                var instance = job["instanceId"]!.GetValue<string>();
                // The start answer may still be on its way back to its caller.
                while (!startedAt.ContainsKey(instance)) await Task.Yield();
                latencies.Add(Stopwatch.GetElapsedTime(startedAt[instance]).TotalMilliseconds);
                Interlocked.Increment(ref completed);
            }
        }
    }).ToList();
    await Task.WhenAll(starting.Concat(working));
    return new Run(clock.Elapsed, [.. latencies], activations, empty);
}

internal sealed record Run(TimeSpan Elapsed, List<double> Latencies, int Activations, int EmptyActivations);

internal static class Bench
{
    public const string Model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d1" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="bench" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
            <bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="bench-work" /></bpmn:extensionElements>
              <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
            <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
            <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;
}
