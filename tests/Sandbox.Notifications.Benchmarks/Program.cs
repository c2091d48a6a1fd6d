using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Sandbox.Notifications.Data;
using Sandbox.Testing;

namespace Sandbox.Notifications.Benchmarks;

// Emails rendered and handed to SMTP per second, and request→sent latency, against the service's own sandbox mailbox:
// POST /api/notifications at a steady rate → queue → Liquid + layout → Dapr smtp binding (Sandbox.Sidecar) → SMTP sink.
// Usage: dotnet run -c Release --project tests/Sandbox.Notifications.Benchmarks [-- --rate 400 --seconds 10 --warmup 2000]
internal static class BenchmarkRun
{
    public static async Task<int> Main(string[] args)
    {
        var rate = Arg("--rate", 400);
        var seconds = Arg("--seconds", 10);
        var total = rate * seconds;
        var warmup = Arg("--warmup", 0);

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Sandbox.sln"))) root = root.Parent ?? throw new InvalidOperationException("Run from the repository's build output.");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SANDBOX_NOTIFICATIONS", Path.Combine(root.FullName, "services", "notifications", "Sandbox.Notifications"));
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sandbox-notif-bench-" + Guid.NewGuid().ToString("n")[..8])).FullName;
        var (appPort, sinkPort) = (Ports.Free(), Ports.Free());
        await using var sidecar = await SidecarProcess.StartAsync(new SidecarOptions
        {
            App = "notifications",
            AppPort = appPort,
            Components = _ => Email(sinkPort),
            DaprToken = ServiceUnderTest.DaprToken,
            AppToken = ServiceUnderTest.AppToken,
            OnError = line => Console.Error.WriteLine($"sidecar: {line}"),
        });
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "bench" };
        await using var app = new ServiceUnderTest(appPort, sinkPort, data, sidecar, key);
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, appPort));
        app.StartServer();

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{appPort}/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(key, "designer"));
        var template = """
            { "channel": "email", "variants": {
              "sv": { "subject": "Vi har fått din ansökan {{ reference }}", "body": "Hej {{ guardianName }},\n\nVi har tagit emot ansökan om skolskjuts för {{ childName }}.\nÄrendenummer: {{ reference }}.\n\n{% if distanceKm %}Avståndet är {{ distanceKm }} km.{% endif %}" },
              "nb": { "subject": "Vi har mottatt søknaden {{ reference }}", "body": "Hei {{ guardianName }},\n\nVi har mottatt søknaden om skoleskyss for {{ childName }}." },
              "en": { "subject": "We received your application {{ reference }}", "body": "Hello {{ guardianName }},\n\nWe received the application for {{ childName }}." } } }
            """;
        (await http.PutAsync("/api/notifications/templates/bench-received", new StringContent(template, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(key, "service"));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        if (warmup > 0)
        {
            // Not measured: lets the JIT settle (tiered compilation), as in a service that has been running a while.
            Console.WriteLine($"Warming up with {warmup} emails");
            await RunAsync(warmup, "WARM");
        }

        Console.WriteLine($"Sending {total} emails at {rate}/s for {seconds} s (2-core machine shared with other work; SQLite; Sandbox.Sidecar smtp binding)");
        var (ownCpu, sidecarCpu) = (Process.GetCurrentProcess().TotalProcessorTime, ChildrenCpu());
        var posted = await RunAsync(total, "SKS");
        var cpu = (Own: Process.GetCurrentProcess().TotalProcessorTime - ownCpu, Sidecar: ChildrenCpu() - sidecarCpu);
        var rows = await db.Notifications.AsNoTracking().Where(n => n.Reference!.StartsWith("SKS-")).Select(n => new { n.Status, n.RequestedAt, n.SentAt }).ToListAsync();
        var caught = await db.SandboxMessages.CountAsync(m => m.Reference!.StartsWith("SKS-"));
        var failed = rows.Count(r => r.Status == NotificationStatus.Failed);
        var latencies = rows.Where(r => r.SentAt is not null).Select(r => (r.SentAt!.Value - r.RequestedAt).TotalMilliseconds).Order().ToArray();
        var first = rows.Min(r => r.RequestedAt);
        var last = rows.Max(r => r.SentAt ?? r.RequestedAt);
        double Percentile(double p) => latencies[(int)Math.Min(latencies.Length - 1, Math.Ceiling(p * latencies.Length) - 1)];

        Console.WriteLine($"posted {total} in {posted.TotalSeconds:F1} s; sent {latencies.Length}, failed {failed}, caught by the mailbox {caught}");
        Console.WriteLine($"throughput: {latencies.Length / (last - first).TotalSeconds:F0} emails/s (first request to last send, {(last - first).TotalSeconds:F1} s)");
        Console.WriteLine($"CPU per email: {cpu.Own.TotalMilliseconds / total:F1} ms service (this process, with the posting client), {cpu.Sidecar.TotalMilliseconds / total:F1} ms sidecar");
        Console.WriteLine($"request→sent latency: p50 {Percentile(0.50):F0} ms, p99 {Percentile(0.99):F0} ms, max {latencies[^1]:F0} ms");

        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
        return 0;

        // The sidecar's email binding points at the service's sandbox mailbox.
        static string Email(int smtpPort) => $$"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: email
            spec:
              type: bindings.smtp
              version: v1
              metadata:
                - { name: host, value: "127.0.0.1" }
                - { name: port, value: "{{smtpPort}}" }
                - { name: emailFrom, value: "no-reply@sandbox.bench" }
            """;

        // CPU time of the child processes (the sidecar), from /proc; zero where there is none.
        static TimeSpan ChildrenCpu()
        {
            if (!Directory.Exists("/proc")) return TimeSpan.Zero;
            long ticks = 0;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    if (int.Parse(fields[1]) == Environment.ProcessId) ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
                {
                }
            }
            return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ
        }

        // Posts at the rate and waits until every one has left the queue; returns the time the posting took.
        async Task<TimeSpan> RunAsync(int count, string prefix)
        {
            var clock = Stopwatch.StartNew();
            var posts = new List<Task>();
            for (var i = 0; i < count; i++)
            {
                var due = TimeSpan.FromSeconds((double)i / rate);
                if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
                var body = $$"""{ "template": "bench-received", "language": "{{(i % 3 == 0 ? "nn" : "sv")}}", "recipient": { "email": "guardian{{i}}@example.test" }, "data": { "guardianName": "Anna <{{i}}>", "childName": "Ella", "distanceKm": 5.2 }, "reference": "{{prefix}}-2026-{{i:D6}}" }""";
                posts.Add(http.PostAsync("/api/notifications", new StringContent(body, Encoding.UTF8, "application/json"))
                    .ContinueWith(t => t.Result.EnsureSuccessStatusCode()));
            }
            await Task.WhenAll(posts);
            var posted = clock.Elapsed;
            while (await db.Notifications.CountAsync(n => n.Reference!.StartsWith(prefix + "-")
                && (n.Status == NotificationStatus.Sent || n.Status == NotificationStatus.Delivered || n.Status == NotificationStatus.Failed)) < count)
            {
                if (clock.Elapsed > posted + TimeSpan.FromMinutes(5)) throw new TimeoutException("the queue did not drain");
                await Task.Delay(100);
            }
            return posted;
        }

        int Arg(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;

        static string Token(SecurityKey key, string role) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ServiceUnderTest.Issuer,
            Audience = "notifications",
            Claims = new Dictionary<string, object> { ["sub"] = "bench", ["tenant"] = "uppsala", ["role"] = role },
            TokenType = "at+jwt",
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }
}

/// <summary>The notifications service in this process, with its mailbox on <c>sinkPort</c> and benchmark tokens.</summary>
internal sealed class ServiceUnderTest(int port, int sinkPort, string data, SidecarProcess sidecar, SecurityKey key) : WebApplicationFactory<Program>
{
    public const string Issuer = "http://sandbox.bench/identity";
    public const string DaprToken = "bench-dapr-token";
    public const string AppToken = "bench-app-token";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SANDBOX_DATA", Path.Combine(data, "service"));
        builder.UseSetting("APP_API_TOKEN", AppToken);
        builder.UseSetting("Sandbox:Notifications:SmtpSink:Port", sinkPort.ToString());
        // Above what a run sends, so the rate limit (3,000 a minute by default) does not hold messages back.
        builder.UseSetting("Sandbox:Notifications:RatePerMinute", "1000000");
        builder.UseSetting("Sandbox:Notifications:Tenants:uppsala:Name", "Uppsala kommun");
        builder.UseSetting("Sandbox:Notifications:Tenants:uppsala:Country", "SE");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("urls", $"http://127.0.0.1:{port}");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(_ => sidecar.Client());
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
                configuration.SigningKeys.Add(key);
                o.Configuration = configuration;
                o.TokenValidationParameters.ValidIssuer = Issuer;
                o.TokenValidationParameters.IssuerSigningKey = key;
            });
        });
    }
}
