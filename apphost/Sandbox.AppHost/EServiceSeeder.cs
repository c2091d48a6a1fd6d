using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Sandbox.AppHost;

/// <summary>
/// Deploys each e-service package under <c>deploy/eservices/</c> to every municipality once the sandbox is up,
/// the way a designer would: a designer's token from identity's test-token endpoint, then
/// <c>POST /api/workflow/eservices</c> through the gateway. Deploying the same package again changes nothing.
/// </summary>
internal sealed class EServiceSeeder(Uri gateway, string packagesFolder, ILogger logger)
{
    /// <summary>How long, all packages together, a warming-up service behind the workflow is waited for.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public async Task DeployAllAsync(CancellationToken cancellationToken)
    {
        var packages = Directory.Exists(packagesFolder)
            ? Directory.GetDirectories(packagesFolder).Where(d => File.Exists(Path.Combine(d, "eservice.yaml"))).Order().ToList()
            : [];
        if (packages.Count == 0) return;
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
        var deadline = DateTimeOffset.UtcNow + Patience;
        var tenants = await http.GetFromJsonAsync<JsonElement[]>("/identity/tenants", cancellationToken) ?? [];
        foreach (var package in packages)
        {
            var files = Files(package);
            foreach (var tenant in tenants.Select(t => t.GetProperty("id").GetString()!))
            {
                await DeployAsync(http, package, tenant, files, deadline, cancellationToken);
            }
        }
    }

    /// <summary>The package as the JSON files map the workflow service takes: relative path → text.</summary>
    public static JsonObject Files(string package)
    {
        var files = new JsonObject();
        foreach (var file in Directory.EnumerateFiles(package, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(package, file).Replace('\\', '/');
            if (relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) continue;
            files[relative] = File.ReadAllText(file);
        }
        return new JsonObject { ["files"] = files };
    }

    private async Task DeployAsync(HttpClient http, string package, string tenant, JsonObject files, DateTimeOffset deadline,
        CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(package);
        var token = await DesignerTokenAsync(http, tenant, cancellationToken);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflow/eservices") { Content = JsonContent.Create(files) };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                logger.LogInformation("E-service {Package} deployed for {Tenant}", name, tenant);
                return;
            }
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            // A service behind the workflow (forms, notifications) may still be warming up: 502/503 are retried a while.
            if ((int)response.StatusCode is 502 or 503 or 504 && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                continue;
            }
            logger.LogError("E-service {Package} could not be deployed for {Tenant}: {Status} {Body}", name, tenant, (int)response.StatusCode, body);
            return;
        }
    }

    private static async Task<string> DesignerTokenAsync(HttpClient http, string tenant, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/identity/sandbox/tokens", new { subject = tenant + "-designer" }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return token.GetProperty("access_token").GetString()!;
    }
}
