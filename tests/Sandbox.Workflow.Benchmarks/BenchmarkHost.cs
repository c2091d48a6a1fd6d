using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sandbox.Security;
using Sandbox.Workflow.Runtime;

namespace Sandbox.Workflow.Benchmarks;

/// <summary>
/// The workflow service on a real Kestrel port, on SQLite or PostgreSQL, trusting a signing key of its own; the
/// outbox goes to a publisher that only counts (no sidecar is measured).
/// </summary>
internal sealed class BenchmarkHost : WebApplicationFactory<Sandbox.Workflow.Telemetry>
{
    private const string Issuer = "http://127.0.0.1:9/identity";
    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "workflow-benchmark" };
    private readonly Dictionary<string, string?> settings;

    public BenchmarkHost(string dataPath, string? postgres)
    {
        // Outside a test run the factory cannot find the service's project folder; it needs no files from it.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SANDBOX_WORKFLOW", AppContext.BaseDirectory);
        settings = new()
        {
            ["SANDBOX_DATA"] = dataPath,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Sandbox:Workflow:Database"] = postgres is null ? "sqlite" : "postgres",
        };
        if (postgres is not null) settings["ConnectionStrings:workflow"] = postgres;
        // BENCH_SQL=1 logs every SQL statement (to count the statements per instance).
        if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1") settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/api/workflow/");
    }

    public Uri BaseAddress { get; }

    public CountingPublisher Events { get; } = new();

    public HttpClient Client(string role, string tenant)
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer, Audience = "workflow", TokenType = "at+jwt", Expires = DateTime.UtcNow.AddHours(2),
            Claims = new Dictionary<string, object> { [SandboxClaims.Subject] = role + "-bench", [SandboxClaims.Tenant] = tenant, [SandboxClaims.Role] = new[] { role } },
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
            {
                jwt.Authority = null;
                jwt.MetadataAddress = null!;
                jwt.TokenValidationParameters.ValidIssuer = Issuer;
                jwt.TokenValidationParameters.IssuerSigningKey = Key;
            });
            services.AddSingleton<IEventPublisher>(Events);
        });
    }
}

/// <summary>Accepts every event and counts it.</summary>
internal sealed class CountingPublisher : IEventPublisher
{
    private long count;

    public long Count => Interlocked.Read(ref count);

    public Task PublishAsync(string topic, JsonElement payload, CancellationToken ct)
    {
        Interlocked.Increment(ref count);
        return Task.CompletedTask;
    }
}
