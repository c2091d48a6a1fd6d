using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Sandbox.Identity.Benchmarks;
using Sandbox.Testing;

// Tokens issued per second (client credentials) and JWT validations per second in a service, in one run.
// dotnet run -c Release --project tests/Sandbox.Identity.Benchmarks [-- --postgres] [--seconds 10] [--workers 8]
var usePostgres = args.Contains("--postgres");
var seconds = Option("--seconds", 10);
var workers = Option("--workers", Environment.ProcessorCount * 4);
var duration = TimeSpan.FromSeconds(seconds);

await using var server = usePostgres ? await PostgresServer.StartAsync() : null;
await using var identity = IdentityHost.Start(server?.ConnectionString("identity_bench"));
using var http = new HttpClient { BaseAddress = new Uri(identity.Issuer + "/") };

var admin = await TestTokenAsync("platform-admin");
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
var created = await (await http.PostAsJsonAsync("admin/tenants/uppsala/clients", new { displayName = "benchmark", scopes = new[] { "forms" } })).Content.ReadFromJsonAsync<JsonObject>();
http.DefaultRequestHeaders.Authorization = null;
var clientId = created!["client"]!["clientId"]!.GetValue<string>();
var secret = created["clientSecret"]!.GetValue<string>();

var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "forms" };
var issuance = await Measure.RunAsync("client_credentials tokens issued", workers, duration, async () =>
{
    using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(form));
    return response.IsSuccessStatusCode;
});

// What one token request spends on checking the client secret (PBKDF2), for reading the figure above.
var secrets = await Measure.RunAsync("client secret verifications (PBKDF2)", Environment.ProcessorCount, duration, async () =>
{
    await using var scope = identity.Services.CreateAsyncScope();
    var apps = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
    var app = await apps.FindByClientIdAsync(clientId);
    return await apps.ValidateClientSecretAsync(app!, secret);
});

var token = (await (await http.PostAsync("connect/token", new FormUrlEncodedContent(form))).Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
await using var service = await BenchService.StartAsync(identity.Issuer);
using var serviceClient = new HttpClient { BaseAddress = service.BaseAddress };
serviceClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
var requests = await Measure.RunAsync("authorized requests to a service (HTTP)", workers, duration, async () =>
{
    using var response = await serviceClient.GetAsync("tenants/uppsala/inbox");
    return response.IsSuccessStatusCode;
});

// The same validation the service's JwtBearer handler runs, without HTTP: its parameters and JWKS keys.
var bearer = service.BearerOptions;
var configuration = await bearer.ConfigurationManager!.GetConfigurationAsync(CancellationToken.None);
var parameters = bearer.TokenValidationParameters.Clone();
parameters.ValidIssuer = configuration.Issuer;
parameters.IssuerSigningKeys = configuration.SigningKeys;
parameters.ValidAudience = bearer.Audience;
var handler = bearer.TokenHandlers.Single();
var validations = await Measure.RunAsync("JWT validations in the service's handler", Environment.ProcessorCount, duration, async () =>
    (await handler.ValidateTokenAsync(token, parameters)).IsValid);

Console.WriteLine($"store: {(usePostgres ? "PostgreSQL" : "SQLite")}, {Environment.ProcessorCount} cores, {seconds} s per measurement");
Console.WriteLine(issuance);
Console.WriteLine(secrets);
Console.WriteLine(validations);
Console.WriteLine(requests);
return issuance.Failures + secrets.Failures + validations.Failures + requests.Failures == 0 ? 0 : 1;

async Task<string> TestTokenAsync(string subject)
{
    var response = await http.PostAsJsonAsync("sandbox/tokens", new { subject });
    return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
}
