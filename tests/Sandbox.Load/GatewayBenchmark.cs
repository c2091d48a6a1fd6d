using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Sandbox.Load;

/// <summary>
/// Cold start of the whole sandbox (app host process start → gateway <c>/health/ready</c> 200) and
/// the latency the gateway adds over calling a service directly, both measured in one run on a
/// Release build. Options: <c>--starts N</c> (default 3; 0 skips cold start), <c>--requests N</c> per path (default 20000).
/// </summary>
internal static class GatewayBenchmark
{
    private const string Configuration = "Release";

    public static async Task<int> RunAsync(string[] args)
    {
        var starts = Option(args, "--starts", 3);
        var requests = Option(args, "--requests", 20_000);
        await BuildAsync();

        // One bare service started the same way is the baseline: on a shared machine the ratio says
        // more than the seconds.
        List<double> coldStarts = [], baselines = [];
        for (var i = 0; i < starts; i++)
        {
            baselines.Add(await BaselineStartAsync());
            coldStarts.Add(await ColdStartAsync());
            Console.WriteLine($"cold start {i + 1}/{starts}: sandbox {coldStarts[^1]:F1} s, one service {baselines[^1]:F1} s");
        }
        var (direct, gateway) = await GatewayLatencyAsync(requests);

        Console.WriteLine();
        if (starts > 0)
        {
            Console.WriteLine($"cold start (process start → /health/ready 200), {starts} runs: median {Median(coldStarts):F1} s, min {coldStarts.Min():F1} s, max {coldStarts.Max():F1} s  (aim < 15 s)");
            Console.WriteLine($"one service alone (process start → /alive 200): median {Median(baselines):F2} s; sandbox/one service: {Median(coldStarts) / Median(baselines):F1}×");
        }
        Console.WriteLine($"{"GET /api/forms/info",-22} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8}   ({requests} requests each, interleaved)");
        Print("direct to forms", direct);
        Print("through gateway", gateway);
        Console.WriteLine($"{"added by gateway",-22} {gateway.Percentile(50) - direct.Percentile(50),8:F3} {gateway.Percentile(90) - direct.Percentile(90),8:F3} {gateway.Percentile(99) - direct.Percentile(99),8:F3}  (aim < 0.5 ms at p50)");
        Console.WriteLine($"{"ratio gateway/direct",-22} {gateway.Percentile(50) / direct.Percentile(50),8:F2} {gateway.Percentile(90) / direct.Percentile(90),8:F2} {gateway.Percentile(99) / direct.Percentile(99),8:F2}");
        return 0;
    }

    private static async Task BuildAsync()
    {
        Console.WriteLine($"building the app host and its services ({Configuration})…");
        using var build = Process.Start("dotnet", ["build", "apphost/Sandbox.AppHost", "-c", Configuration, "-v", "q", "-nologo"])!;
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("The build failed; see its output above.");
        }
    }

    private static async Task<double> ColdStartAsync()
    {
        var port = FreePort();
        var started = Stopwatch.GetTimestamp();
        await using var appHost = ChildProcess.StartApp(Output("apphost/Sandbox.AppHost"), new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}",
            ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort()}",
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
            ["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = "true",
            ["Sandbox__GatewayPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["SANDBOX_DATA"] = Directory.CreateTempSubdirectory("sandbox-load-").FullName,
        });
        await WaitForAsync(new Uri($"http://127.0.0.1:{port}/health/ready"), TimeSpan.FromMinutes(2));
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<double> BaselineStartAsync()
    {
        var port = FreePort();
        var started = Stopwatch.GetTimestamp();
        await using var forms = ChildProcess.StartApp(Output("services/forms/Sandbox.Forms"), new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        });
        await WaitForAsync(new Uri($"http://127.0.0.1:{port}/alive"), TimeSpan.FromMinutes(1));
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<(Latency Direct, Latency Gateway)> GatewayLatencyAsync(int requests)
    {
        int formsPort = FreePort(), gatewayPort = FreePort();
        await using var forms = ChildProcess.StartApp(Output("services/forms/Sandbox.Forms"), new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{formsPort}",
        });
        await using var gateway = ChildProcess.StartApp(Output("gateway/Sandbox.Gateway"), new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{gatewayPort}",
            ["services__forms__http__0"] = $"http://127.0.0.1:{formsPort}",
            ["Gateway__RateLimit__TokenLimit"] = "100000000",
            ["Gateway__RateLimit__TokensPerSecond"] = "100000000",
        });
        var direct = new Uri($"http://127.0.0.1:{formsPort}/api/forms/info");
        var proxied = new Uri($"http://127.0.0.1:{gatewayPort}/api/forms/info");
        await WaitForAsync(direct, TimeSpan.FromSeconds(60));
        await WaitForAsync(proxied, TimeSpan.FromSeconds(60));

        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        Latency directLatency = new(), gatewayLatency = new(), warmup = new();
        for (var i = 0; i < 2_000; i++)
        {
            await warmup.MeasureAsync(client, direct, default);
            await warmup.MeasureAsync(client, proxied, default);
        }
        // Alternate in small blocks so both paths see the same machine noise.
        const int block = 250;
        for (var done = 0; done < requests; done += block)
        {
            for (var i = 0; i < block; i++) await directLatency.MeasureAsync(client, direct, default);
            for (var i = 0; i < block; i++) await gatewayLatency.MeasureAsync(client, proxied, default);
        }
        return (directLatency, gatewayLatency);
    }

    private static async Task WaitForAsync(Uri url, TimeSpan limit)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                using var response = await client.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{url} did not answer 200 within {limit.TotalSeconds} s");
    }

    private static string Output(string project) =>
        Path.Combine(Repository.Root, project, "bin", Configuration, "net10.0", Path.GetFileName(project) + ".dll");

    private static void Print(string name, Latency latency) =>
        Console.WriteLine($"{name,-22} {latency.Percentile(50),8:F3} {latency.Percentile(90),8:F3} {latency.Percentile(99),8:F3}");

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
