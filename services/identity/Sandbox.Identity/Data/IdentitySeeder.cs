using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Sandbox.Data;
using Sandbox.Identity.Hosting;
using Sandbox.Identity.Personas;
using Sandbox.Identity.Tenants;
using Sandbox.Security;

namespace Sandbox.Identity.Data;

/// <summary>
/// Applies the pending migrations (<see cref="SchemaMigrator"/>) and, on an empty store, the sandbox's starting data: the seeded
/// municipalities, eight personas and two guardian families each, staff accounts per municipality, the API scopes and the
/// portal client. Runs before the server accepts requests.
/// </summary>
public sealed class IdentitySeeder(IServiceProvider services, SandboxIdentityOptions options, ILogger<IdentitySeeder> logger) : IHostedService
{
    /// <summary>
    /// The password of every seeded staff account. A documented test value for the sandbox only:
    /// seeded accounts exist so that people can try the sandbox, never in production.
    /// </summary>
    public const string SeededStaffPassword = "Sandbox-Test-1";

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStore>();
        await SchemaMigrator.MigrateAsync(db, logger, ct);
        await SeedRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        await SeedScopesAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictScopeManager>(), ct);
        await SeedClients.PortalAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), options, ct);
        if (await db.Tenants.AnyAsync(ct)) return;

        var generator = new PersonaGenerator(new Random(2026), DateOnly.FromDateTime(DateTime.UtcNow));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        foreach (var tenant in SeedTenants.All)
        {
            var row = TenantMapping.ToRow(tenant);
            db.Tenants.Add(row);
            db.Personas.AddRange(Enumerable.Range(0, 8).Select(n => generator.Next(row, n)));
            // Guardians with school-age children, for the e-services families apply to (one with two, one with one).
            foreach (var children in (int[])[2, 1])
            {
                var (guardian, kids) = generator.NextFamily(row, children);
                db.Personas.AddRange([guardian, .. kids]);
                db.GuardianLinks.AddRange(kids.Select(k => new GuardianLink { GuardianId = guardian.Id, ChildId = k.Id }));
            }
            await db.SaveChangesAsync(ct);
            await CreateStaffAsync(users, $"{tenant.Id}-caseworker", tenant.Id, Roles.Caseworker);
            await CreateStaffAsync(users, $"{tenant.Id}-designer", tenant.Id, Roles.Designer);
            await CreateStaffAsync(users, $"{tenant.Id}-admin", tenant.Id, Roles.TenantAdmin);
        }
        await CreateStaffAsync(users, "platform-admin", SeedTenants.All[0].Id, Roles.PlatformAdmin);
        logger.LogInformation("Seeded {Tenants} tenants with personas and staff", SeedTenants.All.Count);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private static async Task SeedRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.Staff)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private static async Task SeedScopesAsync(IOpenIddictScopeManager scopes, CancellationToken ct)
    {
        foreach (var api in SandboxIdentityOptions.ApiScopes)
        {
            if (await scopes.FindByNameAsync(api, ct) is not null) continue;
            await scopes.CreateAsync(new OpenIddictScopeDescriptor { Name = api, DisplayName = $"The {api} API", Resources = { api } }, ct);
        }
    }

    private static async Task CreateStaffAsync(UserManager<StaffUser> users, string userName, string tenant, string role)
    {
        var user = new StaffUser { UserName = userName, TenantId = tenant, DisplayName = userName, Email = $"{userName}@{ContactDetails.ExampleDomain}" };
        var created = await users.CreateAsync(user, SeededStaffPassword);
        if (!created.Succeeded) throw new InvalidOperationException($"Seeding {userName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(user, role);
    }
}
