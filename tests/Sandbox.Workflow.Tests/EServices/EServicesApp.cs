using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sandbox.Testing;
using Sandbox.Workflow.EServices;
using Sandbox.Workflow.Runtime;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.EServices;

/// <summary>The forms and notifications services as the package publisher sees them: records what it was sent.</summary>
public sealed class RecordingTargets : IPackageTargets
{
    public ConcurrentQueue<(FormPart Form, string Authorization)> Forms { get; } = new();
    public ConcurrentQueue<(TemplatePart Template, string Authorization)> Templates { get; } = new();

    /// <summary>When set, a template with this id is answered with this outcome.</summary>
    public ConcurrentDictionary<string, TargetResult> TemplateAnswers { get; } = new();

    public Task<TargetResult> PublishFormAsync(FormPart form, string authorization, CancellationToken ct)
    {
        Forms.Enqueue((form, authorization));
        return Task.FromResult(TargetResult.Ok);
    }

    public Task<TargetResult> PutTemplateAsync(TemplatePart template, string authorization, CancellationToken ct)
    {
        Templates.Enqueue((template, authorization));
        return Task.FromResult(TemplateAnswers.TryGetValue(template.Id, out var answer) ? answer : TargetResult.Ok);
    }
}

/// <summary>
/// The workflow service on a real port with the real e-service catalog, and test doubles in place of what goes
/// through Dapr: package targets, event publishing, pushed jobs and form validation.
/// </summary>
public sealed class EServicesApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    private EServicesApp(string dataPath, string? postgres)
    {
        DataPath = dataPath;
        settings = new()
        {
            ["SANDBOX_DATA"] = dataPath,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Sandbox:Workflow:TimerPollInterval"] = "00:00:00.050",
            ["Sandbox:Workflow:SandboxClock"] = "true",
            ["Sandbox:Workflow:OutboxPollInterval"] = "00:00:00.050",
            ["Sandbox:Workflow:JobPushPollInterval"] = "00:00:00.050",
            ["Sandbox:Workflow:JobPushBackoff"] = "00:00:00.010",
            ["APP_API_TOKEN"] = WorkflowApp.AppToken,
        };
        if (postgres is not null)
        {
            settings["Sandbox:Workflow:Database"] = "postgres";
            settings["ConnectionStrings:workflow"] = postgres;
        }
    }

    public string DataPath { get; }

    public RecordingTargets Targets { get; } = new();

    public RecordingPublisher Events { get; } = new();

    public ScriptedJobInvoker PushedJobs { get; } = new();

    public TestFormValidator Forms { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static EServicesApp Start(string? postgres = null)
    {
        var app = new EServicesApp(Path.Combine(Path.GetTempPath(), "sandbox-eservices-" + Guid.NewGuid().ToString("n")[..10]), postgres);
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        app.BaseAddress = new Uri(address.TrimEnd('/') + "/api/workflow/");
        return app;
    }

    /// <summary>A client as the Dapr sidecar calls the app: with the app API token, at the root.</summary>
    public HttpClient Sidecar()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseAddress, "/") };
        client.DefaultRequestHeaders.Add("dapr-api-token", WorkflowApp.AppToken);
        return client;
    }

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
            services.AddSingleton<IPackageTargets>(Targets);
            services.AddSingleton<IEventPublisher>(Events);
            services.AddSingleton<IJobInvoker>(PushedJobs);
            services.AddSingleton<IFormValidator>(Forms);
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
            {
                jwt.Authority = null;
                jwt.MetadataAddress = null!;
                jwt.TokenValidationParameters.ValidIssuer = Tokens.Issuer;
                jwt.TokenValidationParameters.IssuerSigningKey = Tokens.Key;
            });
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataPath))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataPath, recursive: true);
        }
    }
}

public sealed class SqliteEServicesFixture : IAsyncLifetime
{
    private EServicesApp? app;

    public EServicesApp App => app ?? throw new InvalidOperationException("Not started.");

    public ValueTask InitializeAsync()
    {
        app = EServicesApp.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}

public sealed class PostgresEServicesFixture : IAsyncLifetime
{
    private readonly string? missing = PostgresServer.MissingReason();
    private PostgresServer? server;
    private EServicesApp? app;

    public EServicesApp App
    {
        get
        {
            Prerequisite.Require(missing);
            return app ?? throw new InvalidOperationException("Not started.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (missing is not null) return;
        server = await PostgresServer.StartAsync();
        app = EServicesApp.Start(server.ConnectionString("eservices_" + Guid.NewGuid().ToString("n")[..8]));
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        if (server is not null) await server.DisposeAsync();
    }
}
