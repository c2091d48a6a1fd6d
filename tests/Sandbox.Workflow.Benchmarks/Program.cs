using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Sandbox.Security;
using Sandbox.Testing;
using Sandbox.Workflow.Benchmarks;

// Through HTTP: instances started by concurrent callers, each a service task done by job workers that activate
// and complete over HTTP, then the end. Prints instances started and completed per second.
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
    var elapsed = await RunAsync(host, tenant, instances, starters, workers);
    var rate = instances / elapsed.TotalSeconds;
    Console.WriteLine($"store={store} instances={instances} starters={starters} workers={workers} " +
        $"elapsed={elapsed.TotalSeconds:F2}s instances/s={rate:F0} events={host.Events.Count}");
}
finally
{
    if (server is not null) await server.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
}

static async Task<TimeSpan> RunAsync(BenchmarkHost host, string tenant, int count, int starters, int workers)
{
    var completed = 0;
    var clock = Stopwatch.StartNew();
    using var done = new CancellationTokenSource();
    var started = 0;
    var starting = Enumerable.Range(0, starters).Select(async _ =>
    {
        using var client = host.Client(Roles.Caseworker, tenant);
        while (Interlocked.Increment(ref started) <= count)
        {
            (await client.PostAsJsonAsync("processes/bench/instances", new { variables = new { amount = 12 } })).EnsureSuccessStatusCode();
        }
    }).ToList();
    var working = Enumerable.Range(0, workers).Select(async w =>
    {
        using var client = host.Client(Roles.Service, tenant);
        while (Volatile.Read(ref completed) < count)
        {
            var response = await client.PostAsJsonAsync("jobs/activate", new { type = "bench-work", worker = $"w{w}", maxJobs = 32, timeout = 60_000 });
            var jobs = (await response.Content.ReadFromJsonAsync<JsonObject>())!["jobs"]!.AsArray();
            if (jobs.Count == 0)
            {
                await Task.Delay(2);
                continue;
            }
            foreach (var job in jobs)
            {
                (await client.PostAsJsonAsync($"jobs/{job!["key"]}/complete", new { variables = new { done = true } })).EnsureSuccessStatusCode();
                Interlocked.Increment(ref completed);
            }
        }
    }).ToList();
    await Task.WhenAll(starting.Concat(working));
    return clock.Elapsed;
}

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
