using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Sandbox.Testing;

namespace Sandbox.Identity.Tests.Infrastructure;

/// <summary>
/// The identity service in this process on a real Kestrel port (127.0.0.1), with its own data
/// folder (SQLite database and keys) or a PostgreSQL database, and an issuer naming that port.
/// </summary>
public sealed class IdentityApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly bool keepData;

    private IdentityApp(int port, string dataPath, string? postgres, bool testTokens, bool keepData, IReadOnlyDictionary<string, string?>? extra)
    {
        Port = port;
        DataPath = dataPath;
        this.keepData = keepData;
        settings = new()
        {
            ["SANDBOX_DATA"] = dataPath,
            ["Sandbox:Identity:Issuer"] = Issuer,
            ["Sandbox:TestTokens:Enabled"] = testTokens ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["APP_API_TOKEN"] = AppToken,
        };
        if (postgres is not null)
        {
            settings["Sandbox:Identity:Database"] = "postgres";
            settings["ConnectionStrings:identity"] = postgres;
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
    }

    /// <summary>The Dapr app API token the app is configured with (what its sidecar would send).</summary>
    public const string AppToken = "test-app-token";

    public int Port { get; }
    public string DataPath { get; }
    public string Issuer => $"http://127.0.0.1:{Port}/identity";
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/identity/");

    /// <summary>Starts the app; a null <paramref name="dataPath"/> means a fresh temporary folder removed on dispose.</summary>
    public static IdentityApp Start(string? postgres = null, bool testTokens = true, string? dataPath = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var path = dataPath ?? Path.Combine(Path.GetTempPath(), "sandbox-identity-" + Guid.NewGuid().ToString("n")[..10]);
        // The port is chosen before the start (the issuer names it); another process may take it meanwhile.
        for (var attempt = 1; ; attempt++)
        {
            var app = new IdentityApp(Ports.Free(), path, postgres, testTokens, keepData: dataPath is not null, settings);
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

    /// <summary>A client of the real port: no automatic redirects, and cookies when a browser is being played.</summary>
    public HttpClient NewClient(bool cookies = false) => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = cookies,
        CookieContainer = new CookieContainer(),
    })
    { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!keepData && Directory.Exists(DataPath))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataPath, recursive: true);
        }
    }
}
