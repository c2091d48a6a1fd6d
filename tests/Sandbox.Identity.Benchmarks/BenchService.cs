using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sandbox.Security;

namespace Sandbox.Identity.Benchmarks;

/// <summary>A service that validates tokens the way every Sandbox service does (audience <c>forms</c>).</summary>
internal sealed class BenchService(WebApplication app, Uri address) : IAsyncDisposable
{
    public Uri BaseAddress => address;

    /// <summary>The service's own bearer options: its token validation parameters and metadata-fetched keys.</summary>
    public JwtBearerOptions BearerOptions =>
        app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

    public static async Task<BenchService> StartAsync(string authority)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Configuration[SecurityExtensions.AuthorityKey] = authority;
        builder.AddSandboxAuthentication("forms");
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/tenants/{tenant}/inbox", (string tenant) => Results.Ok(tenant)).RequireAuthorization(Policies.SameTenant);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchService(app, new Uri(address));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
