using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sandbox.Identity.Data;
using Sandbox.Identity.Personas;
using Sandbox.Security;

namespace Sandbox.Identity.Apis;

/// <summary>Staff accounts of a tenant. A created account's password is shown once.</summary>
public static class AdminStaffApi
{
    public sealed record StaffInput(string UserName, string[] Roles, string? DisplayName = null, string? Password = null, string? Email = null);
    public sealed record StaffView(string Id, string UserName, string DisplayName, string TenantId, IList<string> Roles, string? Email);
    public sealed record CreatedStaff(StaffView User, string Password);

    public static IEndpointRouteBuilder MapAdminStaffApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/admin/tenants/{tenant}/staff").WithTags("Admin").RequireAuthorization(Policies.TenantAdmin);
        staff.MapGet("/", List);
        staff.MapPost("/", Create);
        staff.MapDelete("/{id}", Delete);
        return app;
    }

    private static async Task<Results<Ok<List<StaffView>>, ProblemHttpResult>> List(string tenant, IdentityStore db, UserManager<StaffUser> users, CancellationToken ct)
    {
        if (!await db.Tenants.AnyAsync(t => t.Id == tenant, ct)) return Problems.UnknownTenant(tenant);
        var views = new List<StaffView>();
        foreach (var user in await db.Users.Where(u => u.TenantId == tenant).OrderBy(u => u.UserName).ToListAsync(ct))
        {
            views.Add(View(user, await users.GetRolesAsync(user)));
        }
        return TypedResults.Ok(views);
    }

    private static async Task<Results<Created<CreatedStaff>, ValidationProblem, ProblemHttpResult>> Create(
        string tenant, StaffInput input, ClaimsPrincipal caller, IdentityStore db, UserManager<StaffUser> users, CancellationToken ct)
    {
        if (!await db.Tenants.AnyAsync(t => t.Id == tenant, ct)) return Problems.UnknownTenant(tenant);
        var errors = new Dictionary<string, string[]>();
        var roles = input.Roles ?? [];
        if (roles.Length == 0 || roles.Any(r => !Roles.Staff.Contains(r))) errors["roles"] = [$"One or more of: {string.Join(", ", Roles.Staff)}."];
        if (roles.Contains(Roles.PlatformAdmin) && !caller.HasClaim(SandboxClaims.Role, Roles.PlatformAdmin))
            errors["roles"] = ["Only a platform admin grants platform-admin."];
        if (input.Email is { Length: > 0 } email && !ContactDetails.IsEmail(email)) errors["email"] = [$"'{email}' is not an e-mail address."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var password = string.IsNullOrEmpty(input.Password) ? NewPassword() : input.Password;
        var user = new StaffUser { UserName = input.UserName, TenantId = tenant, DisplayName = input.DisplayName ?? input.UserName ?? "",
            Email = string.IsNullOrEmpty(input.Email) ? null : input.Email };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(result.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "userName")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }
        await users.AddToRolesAsync(user, roles.Distinct());
        return TypedResults.Created($"/admin/tenants/{tenant}/staff/{user.Id}", new CreatedStaff(View(user, roles), password));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string tenant, string id, UserManager<StaffUser> users)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || user.TenantId != tenant) return Problems.NotFound($"No staff user '{id}' in '{tenant}'.");
        await users.DeleteAsync(user);
        return TypedResults.NoContent();
    }

    private static StaffView View(StaffUser user, IList<string> roles) => new(user.Id, user.UserName ?? "", user.DisplayName, user.TenantId, roles, user.Email);

    // Meets the default Identity rules: upper, lower, digit and a symbol.
    private static string NewPassword() => "Sb-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('/', 'x').Replace('+', 'y') + "a1";
}
