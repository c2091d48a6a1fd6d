using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Sandbox.Forms.Outbox;
using Sandbox.Security;
using Sandbox.Testing;

namespace Sandbox.Forms.Benchmarks;

/// <summary>The forms service on a real port, with tokens from a local key and a subscriber that notes when each event arrives.</summary>
public sealed class FormsHost : WebApplicationFactory<Program>
{
    private const string Issuer = "http://sandbox.bench/identity";
    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "forms-bench" };
    private readonly Dictionary<string, string?> _settings;

    public FormsHost(string dataPath, string? postgres)
    {
        // Outside a test project the factory cannot guess the service's content root; the output folder will do.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SANDBOX_FORMS", AppContext.BaseDirectory);
        Port = Ports.Free();
        _settings = new()
        {
            ["SANDBOX_DATA"] = dataPath,
            ["Logging:LogLevel:Default"] = "Error",
            ["Sandbox:Forms:OutboxInterval"] = "00:00:00.100",
        };
        if (postgres is not null)
        {
            _settings["Sandbox:Forms:Database"] = "postgres";
            _settings["ConnectionStrings:forms"] = postgres;
        }
        UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
        StartServer();
    }

    public int Port { get; }
    public Subscriber Events { get; } = new();

    public HttpClient Client(string role, string subject)
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer, Audience = "forms", TokenType = "at+jwt", Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object>
            {
                [SandboxClaims.Subject] = subject, [SandboxClaims.Tenant] = "uppsala", [SandboxClaims.Role] = role,
                [SandboxClaims.NationalId] = "19900101-0017",
            },
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}/") };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IEventPublisher>(Events);
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
                configuration.SigningKeys.Add(Key);
                o.Configuration = configuration;
                o.TokenValidationParameters.ValidIssuer = Issuer;
                o.TokenValidationParameters.IssuerSigningKey = Key;
            });
        });
    }
}

/// <summary>Takes the place of pub/sub and its subscriber: the time each submission's event arrived.</summary>
public sealed class Subscriber : IEventPublisher
{
    public ConcurrentDictionary<string, long> Arrived { get; } = new();

    public Task PublishAsync(string topic, string payloadJson, CancellationToken ct)
    {
        var id = (string)JsonNode.Parse(payloadJson)!["submissionId"]!;
        Arrived.TryAdd(id, Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }
}
