using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sandbox.Identity.Data;
using Sandbox.Identity.NationalIds;
using Sandbox.Identity.Tests.Infrastructure;

namespace Sandbox.Identity.Tests.Admin;

/// <summary>Contact details, preferred language and guardian links through the admin persona API.</summary>
public abstract class PersonaFamilyTests<TFixture>(TFixture fixture) where TFixture : IIdentityFixture
{
    private IdentityApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task CreatePersona_WithContactAndChildren_ListShowsThem()
    {
        var tenant = await App.CreateTenantAsync("NO");
        using var admin = await App.AdminClientAsync();
        var child = await CreateAsync(admin, tenant, new { nationalId = NorwegianId(9), givenName = "Emil", familyName = "Dahl" });
        var guardianId = NorwegianId(40);

        var guardian = await CreateAsync(admin, tenant, new
        {
            nationalId = guardianId, givenName = "Nora", familyName = "Dahl", email = "nora.dahl@example.com",
            phone = "+47 400 00 000", preferredLanguage = "nn", children = new[] { Str(child, "nationalId") },
        });

        Assert.Equal([Str(child, "id")], guardian["children"]!.AsArray().Select(c => c!.GetValue<string>()));
        var listed = await ListAsync(admin, tenant);
        var stored = listed.Single(p => Str(p, "nationalId") == guardianId);
        Assert.Equal("nora.dahl@example.com", Str(stored, "email"));
        Assert.Equal("+47 400 00 000", Str(stored, "phone"));
        Assert.Equal("nn", Str(stored, "preferredLanguage"));
        Assert.Equal([Str(child, "id")], stored["children"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("nb", Str(listed.Single(p => Str(p, "id") == Str(child, "id")), "preferredLanguage"));
    }

    [Fact]
    public async Task CreatePersona_BadContactOrLanguage_ValidationProblemNamingTheFields()
    {
        var tenant = await App.CreateTenantAsync("SE");
        using var admin = await App.AdminClientAsync();

        var response = await admin.PostAsJsonAsync($"admin/tenants/{tenant}/personas", new
        {
            nationalId = SwedishId(35), givenName = "A", familyName = "B", email = "not-an-address", phone = "call me", preferredLanguage = "de",
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await Browser.JsonAsync(response))["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("persona.email", fields);
        Assert.Contains("persona.phone", fields);
        Assert.Contains("persona.preferredLanguage", fields);
    }

    [Fact]
    public async Task CreatePersona_ChildIsAnAdultOrUnknown_ValidationProblemAndNothingAdded()
    {
        var tenant = await App.CreateTenantAsync("FI");
        using var admin = await App.AdminClientAsync();
        var adult = await CreateAsync(admin, tenant, new { nationalId = FinnishId(30), givenName = "Matti", familyName = "Laine" });

        foreach (var children in new[] { new[] { Str(adult, "id") }, ["p-unknown"] })
        {
            var response = await admin.PostAsJsonAsync($"admin/tenants/{tenant}/personas",
                new { nationalId = FinnishId(45), givenName = "Aino", familyName = "Laine", children }, Ct);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("persona.children", (await Browser.JsonAsync(response))["errors"]!.AsObject().Select(e => e.Key));
        }
        Assert.Single(await ListAsync(admin, tenant));
    }

    [Fact]
    public async Task ImportCsv_GuardianWithChildrenOfTheSameFile_Linked()
    {
        var tenant = await App.CreateTenantAsync("SE");
        var (guardian, first, second) = (SwedishId(38), SwedishId(7), SwedishId(12));
        var csv = "nationalId,givenName,familyName,email,phone,preferredLanguage,children\n" +
                  $"{guardian},Anna,Berg,anna.berg@example.com,070-1740605,en,{first};{second}\n{first},Maja,Berg,,,,\n{second},Nils,Berg,,,,\n";
        using var admin = await App.AdminClientAsync();

        var response = await admin.PostAsync($"admin/tenants/{tenant}/personas/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = await ListAsync(admin, tenant);
        var anna = listed.Single(p => Str(p, "nationalId") == guardian);
        var childIds = listed.Where(p => Str(p, "nationalId") != guardian).Select(p => Str(p, "id")).Order();
        Assert.Equal(childIds, anna["children"]!.AsArray().Select(c => c!.GetValue<string>()).Order());
        Assert.Equal("en", Str(anna, "preferredLanguage"));
        Assert.Equal("070-1740605", Str(anna, "phone"));
    }

    [Fact]
    public async Task SetChildren_ReplacesTheLinks_AndDeletingAChildRemovesItsLink()
    {
        var tenant = await App.CreateTenantAsync("NO");
        var (guardian, children) = await App.CreateFamilyAsync(tenant);
        using var admin = await App.AdminClientAsync();
        var other = await CreateAsync(admin, tenant, new { nationalId = NorwegianId(10), givenName = "Sigrid", familyName = "Bakke" });

        var set = await admin.PutAsJsonAsync($"admin/tenants/{tenant}/personas/{Str(guardian, "id")}/children",
            new { children = new[] { Str(children[0], "id"), Str(other, "nationalId") } }, Ct);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"admin/tenants/{tenant}/personas/{Str(children[0], "id")}", Ct)).StatusCode);

        var stored = (await ListAsync(admin, tenant)).Single(p => Str(p, "id") == Str(guardian, "id"));
        Assert.Equal([Str(other, "id")], stored["children"]!.AsArray().Select(c => c!.GetValue<string>()));
        var missing = await admin.PutAsJsonAsync($"admin/tenants/{tenant}/personas/p-nobody/children", new { children = Array.Empty<string>() }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task GenerateFamilies_GuardiansWithOneOrTwoSchoolAgeChildrenAtTheSameAddress()
    {
        var tenant = await App.CreateTenantAsync("FI");
        using var admin = await App.AdminClientAsync();

        var response = await admin.PostAsJsonAsync($"admin/tenants/{tenant}/personas/generate", new { count = 2, families = 3 }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var made = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsArray().Select(p => p!.AsObject()).ToList();
        var guardians = made.Where(p => p["children"]!.AsArray().Count > 0).ToList();
        Assert.Equal(3, guardians.Count);
        foreach (var guardian in guardians)
        {
            var kids = guardian["children"]!.AsArray().Select(id => made.Single(p => Str(p, "id") == id!.GetValue<string>())).ToList();
            Assert.InRange(kids.Count, 1, 2);
            Assert.Contains("@example.com", Str(guardian, "email"));
            Assert.NotEmpty(Str(guardian, "phone"));
            Assert.All(kids, k => Assert.InRange(Age(k), 6, 15));
            Assert.All(kids, k => Assert.Equal(Str(guardian, "street"), Str(k, "street")));
        }
        Assert.All(made, p => Assert.Equal("fi", Str(p, "preferredLanguage")));
    }

    [Fact]
    public async Task SeededTenants_EachHasAGuardianWithTwoSchoolAgeChildren()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStore>();
        foreach (var tenant in new[] { "uppsala", "bergen", "tampere" })
        {
            var kids = await db.GuardianLinks
                .Join(db.Personas, l => l.GuardianId, g => g.Id, (l, g) => new { l.GuardianId, l.ChildId, g.TenantId })
                .Where(x => x.TenantId == tenant)
                .Join(db.Personas, x => x.ChildId, c => c.Id, (x, c) => new { x.GuardianId, c.BirthDate })
                .ToListAsync(Ct);
            Assert.Contains(kids.GroupBy(k => k.GuardianId), family =>
                family.Count() >= 2 && family.All(k => k.BirthDate.AddYears(6) <= Today && k.BirthDate.AddYears(16) > Today));
        }
    }

    private static async Task<JsonObject> CreateAsync(HttpClient admin, string tenant, object body)
    {
        var response = await admin.PostAsJsonAsync($"admin/tenants/{tenant}/personas", body, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Browser.JsonAsync(response);
    }

    private static async Task<List<JsonObject>> ListAsync(HttpClient admin, string tenant) =>
        JsonNode.Parse(await admin.GetStringAsync($"admin/tenants/{tenant}/personas", Ct))!.AsArray().Select(p => p!.AsObject()).ToList();

    private static int Age(JsonObject persona)
    {
        var birth = DateOnly.Parse(Str(persona, "birthDate"), System.Globalization.CultureInfo.InvariantCulture);
        var age = Today.Year - birth.Year;
        return birth.AddYears(age) > Today ? age - 1 : age;
    }

    private static DateOnly Born(int age) => Today.AddYears(-age).AddDays(-Random.Shared.Next(30, 300));
    private static string SwedishId(int age) => SwedishPersonnummer.Generate(Born(age), Random.Shared.Next(1000));
    private static string NorwegianId(int age) => NorwegianFodselsnummer.Generate(Born(age), Random.Shared.Next(500));
    private static string FinnishId(int age) => FinnishHenkilotunnus.Generate(Born(age), Random.Shared.Next(2, 900));
    private static string Str(JsonObject json, string name) => json[name]!.GetValue<string>();
}

public sealed class SqlitePersonaFamilyTests(SqliteIdentityFixture fixture) : PersonaFamilyTests<SqliteIdentityFixture>(fixture), IClassFixture<SqliteIdentityFixture>;

public sealed class PostgresPersonaFamilyTests(PostgresIdentityFixture fixture) : PersonaFamilyTests<PostgresIdentityFixture>(fixture), IClassFixture<PostgresIdentityFixture>;
