using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sandbox.Security;

namespace Sandbox.Identity.Tests.Infrastructure;

/// <summary>
/// A service of its own (audience <c>forms</c>) that validates the identity app's tokens exactly as
/// a Sandbox service does: <c>AddSandboxAuthentication</c> with the authority in configuration.
/// </summary>
public sealed class SampleService : IAsyncDisposable
{
    private readonly WebApplication app;

    private SampleService(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<SampleService> StartAsync(string authority, string audience = "forms")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Configuration[SecurityExtensions.AuthorityKey] = authority;
        builder.AddSandboxAuthentication(audience);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/tenants/{tenant}/cases", (string tenant) => Results.Ok(new { tenant })).RequireAuthorization(Policies.Caseworker);
        app.MapGet("/tenants/{tenant}/settings", (string tenant) => Results.Ok(new { tenant })).RequireAuthorization(Policies.TenantAdmin);
        app.MapGet("/tenants/{tenant}/inbox", (string tenant) => Results.Ok(new { tenant })).RequireAuthorization(Policies.SameTenant);
        app.MapGet("/me", (ClaimsPrincipal user) => Results.Ok(new { nationalId = user.FindFirst(SandboxClaims.NationalId)?.Value }))
            .RequireAuthorization(Policies.Citizen);
        // A case whose tenant is known only after loading it: "{tenant}:{number}".
        app.MapGet("/cases/{id}", async (string id, ClaimsPrincipal user, IAuthorizationService auth) =>
            (await auth.AuthorizeTenantAsync(user, id.Split(':')[0], Policies.Caseworker)).Succeeded ? Results.Ok(new { id }) : Results.Forbid())
            .RequireAuthorization();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SampleService(app) { BaseAddress = new Uri(address) };
    }

    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
