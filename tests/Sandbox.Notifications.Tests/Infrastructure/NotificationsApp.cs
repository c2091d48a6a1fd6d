using System.Net;
using System.Net.Http.Headers;
using Dapr.Client;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Sandbox.Notifications.People;
using Sandbox.Testing;

namespace Sandbox.Notifications.Tests.Infrastructure;

/// <summary>
/// The notifications service in this process on a real Kestrel port, its own SQLite folder (or a PostgreSQL database),
/// a real sidecar for bindings and pub/sub, test tokens and <see cref="FakePeople"/> in place of identity.
/// </summary>
public sealed class NotificationsApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly SidecarProcess _sidecar;

    private NotificationsApp(int port, string dataPath, string? postgres, SidecarProcess sidecar, int? sinkPort, FakePeople people,
        IDictionary<string, string?>? extra)
    {
        Port = port;
        _sidecar = sidecar;
        People = people;
        _settings = new()
        {
            ["SANDBOX_DATA"] = dataPath,
            ["APP_API_TOKEN"] = SidecarProcess.AppToken,
            ["Sandbox:Notifications:PollInterval"] = "00:00:00.200",
            ["Sandbox:Notifications:RetryDelay"] = "00:00:00.200",
            ["Sandbox:Notifications:MaxRetryDelay"] = "00:00:01",
            ["Sandbox:Notifications:Tenants:uppsala:Name"] = "Uppsala kommun",
            ["Sandbox:Notifications:Tenants:uppsala:Country"] = "SE",
            ["Sandbox:Notifications:Tenants:bergen:Name"] = "Bergen kommune",
            ["Sandbox:Notifications:Tenants:bergen:Country"] = "NO",
            ["Sandbox:Notifications:Tenants:tampere:Name"] = "Tampereen kaupunki",
            ["Sandbox:Notifications:Tenants:tampere:Country"] = "FI",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Sandbox.Notifications"] = "Information",
        };
        if (sinkPort is not null) _settings["Sandbox:Notifications:SmtpSink:Port"] = sinkPort.ToString();
        if (postgres is not null)
        {
            _settings["Sandbox:Notifications:Database"] = "postgres";
            _settings["ConnectionStrings:notifications"] = postgres;
        }
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) _settings[k] = v;
    }

    public int Port { get; }
    public FakePeople People { get; }

    public static NotificationsApp Start(int port, string dataPath, string? postgres, SidecarProcess sidecar, int? sinkPort,
        FakePeople people, IDictionary<string, string?>? extra = null)
    {
        var app = new NotificationsApp(port, dataPath, postgres, sidecar, sinkPort, people, extra);
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        app.StartServer();
        return app;
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}/") };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IPeopleDirectory>(People);
            services.AddSingleton(_ => _sidecar.Client());
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
}
