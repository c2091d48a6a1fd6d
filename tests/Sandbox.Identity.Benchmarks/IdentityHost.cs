using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Sandbox.Testing;

namespace Sandbox.Identity.Benchmarks;

/// <summary>
/// The identity service in this process on a loopback Kestrel port, with a throw-away data folder
/// (any type of the service assembly names its entry point; this project has its own Program).
/// </summary>
internal sealed class IdentityHost : WebApplicationFactory<Telemetry>
{
    private readonly string? postgres;

    private IdentityHost(string? postgres)
    {
        this.postgres = postgres;
        Port = Ports.Free();
        DataPath = Path.Combine(Path.GetTempPath(), "sandbox-identity-bench-" + Guid.NewGuid().ToString("n")[..8]);
    }

    public int Port { get; }
    public string DataPath { get; }
    public string Issuer => $"http://127.0.0.1:{Port}/identity";

    public static IdentityHost Start(string? postgres)
    {
        // The factory looks for the service's project folder; its build output serves as well.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SANDBOX_IDENTITY", AppContext.BaseDirectory);
        var host = new IdentityHost(postgres);
        host.UseKestrel(o => o.Listen(IPAddress.Loopback, host.Port));
        host.StartServer();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("SANDBOX_DATA", DataPath);
        builder.UseSetting("Sandbox:Identity:Issuer", Issuer);
        builder.UseSetting("Sandbox:TestTokens:Enabled", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (postgres is not null)
        {
            builder.UseSetting("Sandbox:Identity:Database", "postgres");
            builder.UseSetting("ConnectionStrings:identity", postgres);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataPath)) Directory.Delete(DataPath, recursive: true);
    }
}
