using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sandbox.Workflow.EServices;
using Sandbox.Workflow.Runtime;
using Sandbox.Workflow.Tests.EServices;

namespace Sandbox.Workflow.Tests.Infrastructure;

/// <summary>
/// The workflow service in this process on a real Kestrel port (127.0.0.1), with its own SQLite folder or a
/// PostgreSQL database, trusting the keys of <see cref="Tokens"/> instead of the identity service's JWKS.
/// </summary>
public sealed class WorkflowApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    private readonly bool keepData;

    private readonly bool realCatalog;

    /// <summary>The sidecar's app API token the app is given; deliveries send it as <c>dapr-api-token</c>.</summary>
    public const string AppToken = "test-app-token";

    private WorkflowApp(string dataPath, string? postgres, bool keepData, bool realCatalog)
    {
        DataPath = dataPath;
        this.keepData = keepData;
        this.realCatalog = realCatalog;
        settings = new()
        {
            ["SANDBOX_DATA"] = dataPath,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Sandbox:Workflow:TimerPollInterval"] = "00:00:00.050",
            ["Sandbox:Workflow:OutboxPollInterval"] = "00:00:00.050",
            ["Sandbox:Workflow:JobPushPollInterval"] = "00:00:00.050",
            ["Sandbox:Workflow:CallResultPollInterval"] = "00:00:00.050",
            ["Sandbox:Workflow:JobPushBackoff"] = "00:00:00.010",
            ["APP_API_TOKEN"] = AppToken,
        };
        if (postgres is not null)
        {
            settings["Sandbox:Workflow:Database"] = "postgres";
            settings["ConnectionStrings:workflow"] = postgres;
        }
    }

    public string DataPath { get; }

    public RecordingPublisher Events { get; } = new();

    /// <summary>The e-service catalog the runtime asks, unless the app was started with the real one.</summary>
    public TestCatalog Catalog { get; } = new();

    /// <summary>What package deployment sent to the forms and notifications services.</summary>
    public RecordingTargets Targets { get; } = new();

    public ScriptedJobInvoker PushedJobs { get; } = new();

    public TestFormValidator Forms { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>
    /// Starts the app; a null <paramref name="dataPath"/> means a fresh temporary folder removed on dispose. With
    /// <paramref name="realCatalog"/> the runtime asks the e-service catalog that package deployment fills.
    /// </summary>
    public static WorkflowApp Start(string? postgres = null, string? dataPath = null, IReadOnlyDictionary<string, string?>? settings = null,
        bool realCatalog = false)
    {
        var path = dataPath ?? Path.Combine(Path.GetTempPath(), "sandbox-workflow-" + Guid.NewGuid().ToString("n")[..10]);
        var app = new WorkflowApp(path, postgres, keepData: dataPath is not null, realCatalog);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) app.settings[key] = value;
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        app.BaseAddress = new Uri(address.TrimEnd('/') + "/api/workflow/");
        return app;
    }

    /// <summary>Runs <paramref name="read"/> on a fresh scope's database context of the app.</summary>
    public async Task<T> ReadAsync<T>(Func<Sandbox.Workflow.Data.WorkflowDb, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<Sandbox.Workflow.Data.WorkflowDb>());
    }

    /// <summary>A client as the Dapr sidecar calls the app: with the app API token, at the root.</summary>
    public HttpClient Sidecar()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseAddress, "/") };
        client.DefaultRequestHeaders.Add("dapr-api-token", AppToken);
        return client;
    }

    /// <summary>A client of the real port, with a bearer token when one is given.</summary>
    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
            {
                jwt.Authority = null;
                jwt.MetadataAddress = null!;
                jwt.TokenValidationParameters.ValidIssuer = Tokens.Issuer;
                jwt.TokenValidationParameters.IssuerSigningKey = Tokens.Key;
            });
            services.AddSingleton<IEventPublisher>(Events);
            if (!realCatalog) services.AddSingleton<IEServiceCatalog>(Catalog);
            services.AddSingleton<IPackageTargets>(Targets);
            services.AddSingleton<IJobInvoker>(PushedJobs);
            services.AddSingleton<IFormValidator>(Forms);
        });
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
