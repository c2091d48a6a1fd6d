using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sandbox.Identity.Data;
using Sandbox.Identity.NationalIds;
using Sandbox.Identity.Tests.Infrastructure;

namespace Sandbox.Identity.Tests.Admin;

public abstract class AdminApiTests<TFixture>(TFixture fixture) where TFixture : IIdentityFixture
{
    private IdentityApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateTenant_AppearsInThePublicList()
    {
        var id = await App.CreateTenantAsync("NO");
        using var client = App.NewClient();

        var tenant = JsonNode.Parse(await client.GetStringAsync($"tenants/{id}", Ct))!;

        Assert.Equal("NO", tenant["country"]!.GetValue<string>());
        Assert.Equal(id, tenant["names"]!["nb"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateTenant_BadInput_ValidationProblem()
    {
        using var admin = await App.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("admin/tenants", new { id = "bad id!", country = "DK", names = new { sv = "x" } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Browser.JsonAsync(response))["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("id", errors);
        Assert.Contains("country", errors);
        Assert.Contains("names.fi", errors);
    }

    [Fact]
    public async Task GeneratePersonas_AllHaveValidIdsOfTheTenantsCountry()
    {
        var tenant = await App.CreateTenantAsync("FI");
        using var admin = await App.AdminClientAsync();

        var response = await admin.PostAsJsonAsync($"admin/tenants/{tenant}/personas/generate", new { count = 12 }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var personas = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsArray();
        Assert.Equal(12, personas.Count);
        Assert.All(personas, p => Assert.NotNull(FinnishHenkilotunnus.Normalize(p!["nationalId"]!.GetValue<string>())));
        Assert.Contains(personas, p => p!["protectedIdentity"]!.GetValue<bool>());
        var ages = personas.Select(p => DateTime.UtcNow.Year - DateOnly.Parse(p!["birthDate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Year).ToList();
        Assert.Contains(ages, a => a < 18);
        Assert.Contains(ages, a => a >= 70);
    }

    [Fact]
    public async Task ImportCsv_ValidRows_AddsThem()
    {
        var tenant = await App.CreateTenantAsync("SE");
        var ids = Enumerable.Range(0, 2).Select(i => SwedishPersonnummer.Generate(new DateOnly(1970 + i, 3, 14), Random.Shared.Next(1000))).ToList();
        var csv = $"nationalId,givenName,familyName,street,postalCode,city,protectedIdentity\n{ids[0]},Anna,Berg,Storgatan 1,753 20,Uppsala,false\n{ids[1]},Nils,\"Holm, af\",,,,true\n";
        using var admin = await App.AdminClientAsync();

        var response = await admin.PostAsync($"admin/tenants/{tenant}/personas/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = JsonNode.Parse(await admin.GetStringAsync($"admin/tenants/{tenant}/personas", Ct))!.AsArray();
        Assert.Equal(ids.Order(), listed.Select(p => p!["nationalId"]!.GetValue<string>()).Order());
        Assert.Contains(listed, p => p!["familyName"]!.GetValue<string>() == "Holm, af" && p["protectedIdentity"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ImportCsv_OneInvalidRow_NothingAddedAndTheLineNamed()
    {
        var tenant = await App.CreateTenantAsync("NO");
        var valid = NorwegianFodselsnummer.Generate(new DateOnly(1985, 6, 1), Random.Shared.Next(500));
        var csv = $"nationalId,givenName,familyName\n{valid},Kari,Nordmann\n01010750161,Ola,Nordmann\n";
        using var admin = await App.AdminClientAsync();

        var response = await admin.PostAsync($"admin/tenants/{tenant}/personas/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("line3.nationalId", (await Browser.JsonAsync(response))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Empty(JsonNode.Parse(await admin.GetStringAsync($"admin/tenants/{tenant}/personas", Ct))!.AsArray());
    }

    [Fact]
    public async Task CreatePersona_DuplicateNationalId_ValidationProblem()
    {
        var tenant = await App.CreateTenantAsync("SE");
        var persona = await App.CreatePersonaAsync(tenant);
        using var admin = await App.AdminClientAsync();

        var response = await admin.PostAsJsonAsync($"admin/tenants/{tenant}/personas",
            new { nationalId = persona["nationalId"]!.GetValue<string>(), givenName = "A", familyName = "B" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TenantAdmin_ManagesOwnTenant_403OnAnother()
    {
        var (a, b) = (await App.CreateTenantAsync("SE"), await App.CreateTenantAsync("SE"));
        var (adminId, _, _) = await App.CreateStaffAsync(a, "tenant-admin");
        using var client = App.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await App.TestTokenAsync(adminId));

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"admin/tenants/{a}/staff", new { userName = "w-" + Guid.NewGuid().ToString("n")[..8], roles = new[] { "caseworker" } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"admin/tenants/{b}/staff", new { userName = "w-" + Guid.NewGuid().ToString("n")[..8], roles = new[] { "caseworker" } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"admin/tenants/{b}/personas", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("admin/tenants", new { id = "x", country = "SE" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task TenantAdmin_CannotGrantPlatformAdmin()
    {
        var a = await App.CreateTenantAsync("FI");
        var (adminId, _, _) = await App.CreateStaffAsync(a, "tenant-admin");
        using var client = App.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await App.TestTokenAsync(adminId));

        var response = await client.PostAsJsonAsync($"admin/tenants/{a}/staff", new { userName = "p-" + Guid.NewGuid().ToString("n")[..8], roles = new[] { "platform-admin" } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AdminApi_WithoutToken401_CitizenOrCaseworker403()
    {
        var a = await App.CreateTenantAsync("SE");
        var persona = await App.CreatePersonaAsync(a);
        var (worker, _, _) = await App.CreateStaffAsync(a, "caseworker");
        using var anonymous = App.NewClient();
        using var citizen = App.NewClient();
        citizen.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await App.TestTokenAsync(persona["id"]!.GetValue<string>()));
        using var caseworker = App.NewClient();
        caseworker.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await App.TestTokenAsync(worker));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"admin/tenants/{a}/staff", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync($"admin/tenants/{a}/staff", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.GetAsync($"admin/tenants/{a}/staff", Ct)).StatusCode);
    }

    [Fact]
    public async Task UnknownTenant_404ProblemDetails()
    {
        using var admin = await App.AdminClientAsync();

        var response = await admin.GetAsync("admin/tenants/no-such-tenant/personas", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RegisterClient_SecretShownOnceAndStoredHashed()
    {
        var tenant = await App.CreateTenantAsync("NO");
        var (clientId, secret) = await App.CreateClientAsync(tenant, ["forms"]);
        using var admin = await App.AdminClientAsync();

        var listed = await admin.GetStringAsync($"admin/tenants/{tenant}/clients", Ct);
        Assert.Contains(clientId, listed);
        Assert.DoesNotContain(secret!, listed);
        await using var scope = App.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IdentityStore>()
            .Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>()
            .Where(a => a.ClientId == clientId).Select(a => a.ClientSecret).SingleAsync(Ct);
        Assert.False(string.IsNullOrEmpty(stored));
        Assert.NotEqual(secret, stored);
        Assert.DoesNotContain(secret!, stored!);
    }

    [Fact]
    public async Task RegisterClient_UnknownScope_ValidationProblem()
    {
        var tenant = await App.CreateTenantAsync("SE");
        using var admin = await App.AdminClientAsync();

        var response = await admin.PostAsJsonAsync($"admin/tenants/{tenant}/clients", new { displayName = "x", scopes = new[] { "root" } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task DeleteClient_ItsTokenRequestsFail()
    {
        var tenant = await App.CreateTenantAsync("FI");
        var (clientId, secret) = await App.CreateClientAsync(tenant, ["forms"]);
        using var admin = await App.AdminClientAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"admin/tenants/{tenant}/clients/{clientId}", Ct)).StatusCode);

        using var client = App.NewClient();
        var response = await client.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret!,
        }), Ct);
        Assert.Equal("invalid_client", (await Browser.JsonAsync(response))["error"]!.GetValue<string>());
    }
}

public sealed class SqliteAdminApiTests(SqliteIdentityFixture fixture) : AdminApiTests<SqliteIdentityFixture>(fixture), IClassFixture<SqliteIdentityFixture>;

public sealed class PostgresAdminApiTests(PostgresIdentityFixture fixture) : AdminApiTests<PostgresIdentityFixture>(fixture), IClassFixture<PostgresIdentityFixture>;
