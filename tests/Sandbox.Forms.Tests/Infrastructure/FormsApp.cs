using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Dapr.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sandbox.Forms.Attachments;
using Sandbox.Forms.Outbox;
using Sandbox.Testing;

namespace Sandbox.Forms.Tests.Infrastructure;

/// <summary>
/// The forms service in this process on a real Kestrel port, with its own SQLite folder (or a PostgreSQL
/// database), tokens from <see cref="Tokens"/> and a recording event publisher in place of the sidecar.
/// </summary>
public sealed class FormsApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _keepData;
    private readonly SidecarProcess? _sidecar;
    private readonly TimeProvider? _clock;

    private FormsApp(int port, string dataPath, string? postgres, bool keepData, SidecarProcess? sidecar, TimeProvider? clock,
        IReadOnlyDictionary<string, string?>? settings)
    {
        _sidecar = sidecar;
        _clock = clock;
        Port = port;
        DataPath = dataPath;
        _keepData = keepData;
        _settings = new()
        {
            ["SANDBOX_DATA"] = dataPath,
            ["Sandbox:Forms:OutboxInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (postgres is not null)
        {
            _settings["Sandbox:Forms:Database"] = "postgres";
            _settings["ConnectionStrings:forms"] = postgres;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public const string ClamdHostSetting = "Sandbox:Forms:VirusScanner:Clamd:Host";

    public int Port { get; }
    public string DataPath { get; }
    public RecordingPublisher Events { get; } = new();

    /// <summary>The service's log entries at Warning and above.</summary>
    public LogCollector Logs { get; } = new();

    /// <summary>
    /// Starts the service; with <paramref name="sidecar"/> its Dapr client talks to that sidecar process, with
    /// <paramref name="clock"/> the service reads that time; <paramref name="settings"/> are added to the configuration
    /// (with a clamd host the service's own scanner is used, not the EICAR double).
    /// </summary>
    public static FormsApp Start(string? postgres = null, string? dataPath = null, SidecarProcess? sidecar = null, TimeProvider? clock = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var path = dataPath ?? Path.Combine(Path.GetTempPath(), "sandbox-forms-" + Guid.NewGuid().ToString("n")[..10]);
        for (var attempt = 1; ; attempt++)
        {
            var app = new FormsApp(Ports.Free(), path, postgres, keepData: dataPath is not null, sidecar, clock, settings);
            try
            {
                app.UseKestrel(o => o.Listen(IPAddress.Loopback, app.Port));
                app.StartServer();
                return app;
            }
            catch (IOException) when (attempt < 3)
            {
                app.Dispose();
            }
        }
    }

    public HttpClient Client(string? token = null, string? language = null)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}/") };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IEventPublisher>(Events);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            if (!_settings.ContainsKey(ClamdHostSetting)) services.AddSingleton<IVirusScanner, EicarScanner>();
            if (_clock is not null) services.AddSingleton(_clock);
            if (_sidecar is not null)
            {
                services.RemoveAll<DaprClient>();
                services.AddSingleton(_sidecar.Client());
            }
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = Tokens.Issuer };
                configuration.SigningKeys.Add(Tokens.Key);
                o.Configuration = configuration;
                o.TokenValidationParameters.ValidIssuer = Tokens.Issuer;
                o.TokenValidationParameters.IssuerSigningKey = Tokens.Key;
            });
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_keepData && Directory.Exists(DataPath))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataPath, recursive: true);
        }
    }
}

/// <summary>A virus scanner double: refuses any file that holds the EICAR anti-virus test string.</summary>
public sealed class EicarScanner : IVirusScanner
{
    public const string Eicar = @"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    public Task<ScanVerdict> ScanAsync(ReadOnlyMemory<byte> content, string fileName, CancellationToken ct) =>
        Task.FromResult(System.Text.Encoding.ASCII.GetString(content.Span).Contains(Eicar, StringComparison.Ordinal)
            ? new ScanVerdict(false, "EICAR-Test-File")
            : ScanVerdict.Ok);
}

/// <summary>Stands in for the sidecar's pub/sub: records what was published, and can refuse.</summary>
public sealed class RecordingPublisher : IEventPublisher
{
    public ConcurrentQueue<(string Topic, string Payload)> Published { get; } = new();

    public bool Refuse { get; set; }

    /// <summary>Events this refuses every time, as pub/sub refuses a poisoned message.</summary>
    public Func<string, bool>? Poisoned { get; set; }

    public Task PublishAsync(string topic, string payloadJson, CancellationToken ct)
    {
        if (Refuse) throw new HttpRequestException("pub/sub unavailable");
        if (Poisoned?.Invoke(payloadJson) == true) throw new HttpRequestException("pub/sub refused the event");
        Published.Enqueue((topic, payloadJson));
        return Task.CompletedTask;
    }

    public async Task<(string Topic, string Payload)> WaitForAsync(Func<(string Topic, string Payload), bool> match)
    {
        for (var i = 0; i < 100; i++)
        {
            var found = Published.FirstOrDefault(match);
            if (found != default) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException("The event was not published.");
    }
}
