using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Sandbox.Identity.Data;
using Sandbox.Identity.Hosting;
using Sandbox.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.Identity.Apis;

/// <summary>
/// OAuth clients of a tenant: plugins and services (client credentials) and, with redirect URIs,
/// browser apps (code + PKCE). The secret is returned once and stored only as a hash.
/// </summary>
public static class AdminClientsApi
{
    public sealed record ClientInput(string DisplayName, string[] Scopes, string[]? RedirectUris = null, bool Public = false, string? ClientId = null);
    public sealed record ClientView(string ClientId, string? DisplayName, string Type, string[] Scopes, string[] RedirectUris);
    public sealed record CreatedClient(ClientView Client, string? ClientSecret);

    public static IEndpointRouteBuilder MapAdminClientsApi(this IEndpointRouteBuilder app)
    {
        var clients = app.MapGroup("/admin/tenants/{tenant}/clients").WithTags("Admin").RequireAuthorization(Policies.TenantAdmin);
        clients.MapGet("/", List);
        clients.MapPost("/", Create);
        clients.MapDelete("/{clientId}", Delete);
        return app;
    }

    private static async Task<Results<Ok<List<ClientView>>, ProblemHttpResult>> List(string tenant, IdentityStore db, IOpenIddictApplicationManager apps, CancellationToken ct)
    {
        if (!await db.Tenants.AnyAsync(t => t.Id == tenant, ct)) return Problems.UnknownTenant(tenant);
        var views = new List<ClientView>();
        await foreach (var app in apps.ListAsync(count: null, offset: null, ct))
        {
            if (await TenantOf(apps, app, ct) == tenant) views.Add(await ViewAsync(apps, app, ct));
        }
        return TypedResults.Ok(views);
    }

    private static async Task<Results<Created<CreatedClient>, ValidationProblem, ProblemHttpResult>> Create(
        string tenant, ClientInput input, IdentityStore db, IOpenIddictApplicationManager apps, CancellationToken ct)
    {
        if (!await db.Tenants.AnyAsync(t => t.Id == tenant, ct)) return Problems.UnknownTenant(tenant);
        var errors = new Dictionary<string, string[]>();
        var scopes = input.Scopes ?? [];
        var redirects = input.RedirectUris ?? [];
        if (string.IsNullOrWhiteSpace(input.DisplayName)) errors["displayName"] = ["Required."];
        if (scopes.FirstOrDefault(s => !SandboxIdentityOptions.ApiScopes.Contains(s) && s is not ("openid" or "profile" or "offline_access")) is { } bad)
            errors["scopes"] = [$"Unknown scope '{bad}'."];
        if (redirects.Any(r => !Uri.TryCreate(r, UriKind.Absolute, out var u) || u.Fragment.Length > 0)) errors["redirectUris"] = ["Absolute URIs without a fragment."];
        if (input.Public && redirects.Length == 0) errors["public"] = ["A public client needs redirect URIs (it cannot use client credentials)."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var clientId = input.ClientId ?? $"{tenant}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        if (await apps.FindByClientIdAsync(clientId, ct) is not null) return Problems.Conflict($"A client '{clientId}' exists.");
        var secret = input.Public ? null : Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            DisplayName = input.DisplayName,
            ClientType = input.Public ? ClientTypes.Public : ClientTypes.Confidential,
            Properties = { [ClientProperties.Tenant] = JsonSerializer.SerializeToElement(tenant) },
        };
        if (!input.Public) ClientPermissions.AddClientCredentials(descriptor, scopes);
        if (redirects.Length > 0)
        {
            foreach (var uri in redirects) descriptor.RedirectUris.Add(new Uri(uri));
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            ClientPermissions.AddCodeFlow(descriptor, scopes);
        }
        var app = await apps.CreateAsync(descriptor, ct);
        return TypedResults.Created($"/admin/tenants/{tenant}/clients/{clientId}", new CreatedClient(await ViewAsync(apps, app, ct), secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string tenant, string clientId, IOpenIddictApplicationManager apps, CancellationToken ct)
    {
        var app = await apps.FindByClientIdAsync(clientId, ct);
        if (app is null || await TenantOf(apps, app, ct) != tenant) return Problems.NotFound($"No client '{clientId}' in '{tenant}'.");
        await apps.DeleteAsync(app, ct);
        return TypedResults.NoContent();
    }

    private static async Task<string?> TenantOf(IOpenIddictApplicationManager apps, object app, CancellationToken ct) =>
        (await apps.GetPropertiesAsync(app, ct)).TryGetValue(ClientProperties.Tenant, out var t) ? t.GetString() : null;

    private static async Task<ClientView> ViewAsync(IOpenIddictApplicationManager apps, object app, CancellationToken ct)
    {
        var permissions = await apps.GetPermissionsAsync(app, ct);
        return new ClientView(
            await apps.GetClientIdAsync(app, ct) ?? "",
            await apps.GetDisplayNameAsync(app, ct),
            await apps.GetClientTypeAsync(app, ct) ?? "",
            [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.Scope.Length..])],
            [.. (await apps.GetRedirectUrisAsync(app, ct)).Select(u => u.ToString())]);
    }
}
