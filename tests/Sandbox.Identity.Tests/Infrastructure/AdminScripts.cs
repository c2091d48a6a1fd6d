using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Sandbox.Identity.Tests.Infrastructure;

/// <summary>Sets up a test's own data through the admin API, with a platform admin's test token.</summary>
public static class AdminScripts
{
    public static async Task<string> TestTokenAsync(this IdentityApp app, string subject, string? tenant = null, string[]? scopes = null)
    {
        using var client = app.NewClient();
        var response = await client.PostAsJsonAsync("sandbox/tokens", new { subject, tenant, scopes }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        return body!["access_token"]!.GetValue<string>();
    }

    public static async Task<HttpClient> AdminClientAsync(this IdentityApp app)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TestTokenAsync("platform-admin"));
        return client;
    }

    /// <summary>A new tenant of the country with a unique id.</summary>
    public static async Task<string> CreateTenantAsync(this IdentityApp app, string country)
    {
        using var admin = await app.AdminClientAsync();
        var id = "t-" + Guid.NewGuid().ToString("n")[..10];
        var names = new Dictionary<string, string> { ["sv"] = id, ["nb"] = id, ["fi"] = id, ["en"] = id };
        var response = await admin.PostAsJsonAsync("admin/tenants", new { id, country, names }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    /// <summary>Generates one persona in the tenant; returns its JSON (id, nationalId, names…).</summary>
    public static async Task<JsonObject> CreatePersonaAsync(this IdentityApp app, string tenant)
    {
        using var admin = await app.AdminClientAsync();
        var response = await admin.PostAsJsonAsync($"admin/tenants/{tenant}/personas/generate", new { count = 1 }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.Content.ReadFromJsonAsync<JsonArray>(TestContext.Current.CancellationToken);
        return list![0]!.AsObject();
    }

    /// <summary>Generates one guardian with children in the tenant; returns the guardian and the children.</summary>
    public static async Task<(JsonObject Guardian, List<JsonObject> Children)> CreateFamilyAsync(this IdentityApp app, string tenant)
    {
        using var admin = await app.AdminClientAsync();
        var response = await admin.PostAsJsonAsync($"admin/tenants/{tenant}/personas/generate", new { count = 0, families = 1 }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = (await response.Content.ReadFromJsonAsync<JsonArray>(TestContext.Current.CancellationToken))!.Select(p => p!.AsObject()).ToList();
        var guardian = Assert.Single(list, p => p["children"]!.AsArray().Count > 0);
        return (guardian, list.Where(p => p != guardian).ToList());
    }

    /// <summary>A client that sends the bearer token.</summary>
    public static HttpClient BearerClient(this IdentityApp app, string token)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<(string Id, string UserName, string Password)> CreateStaffAsync(this IdentityApp app, string tenant, params string[] roles)
    {
        using var admin = await app.AdminClientAsync();
        var userName = "u-" + Guid.NewGuid().ToString("n")[..10];
        var response = await admin.PostAsJsonAsync($"admin/tenants/{tenant}/staff", new { userName, roles }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        return (body!["user"]!["id"]!.GetValue<string>(), userName, body["password"]!.GetValue<string>());
    }

    public static async Task<(string ClientId, string? Secret)> CreateClientAsync(this IdentityApp app, string tenant, string[] scopes,
        string[]? redirectUris = null, bool isPublic = false)
    {
        using var admin = await app.AdminClientAsync();
        var response = await admin.PostAsJsonAsync($"admin/tenants/{tenant}/clients",
            new { displayName = "test client", scopes, redirectUris, @public = isPublic }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        return (body!["client"]!["clientId"]!.GetValue<string>(), body["clientSecret"]?.GetValue<string>());
    }
}
