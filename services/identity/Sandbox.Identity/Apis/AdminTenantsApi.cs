using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sandbox.Identity.Data;
using Sandbox.Identity.Keys;
using Sandbox.Identity.NationalIds;
using Sandbox.Identity.Tenants;
using Sandbox.Security;

namespace Sandbox.Identity.Apis;

/// <summary>Tenants (platform admin creates; tenant admin renames its own) and signing key rotation.</summary>
public static class AdminTenantsApi
{
    public sealed record TenantInput(string Id, string Country, Dictionary<string, string> Names);

    public static IEndpointRouteBuilder MapAdminTenantsApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").WithTags("Admin");
        admin.MapPost("/tenants", Create).RequireAuthorization(Policies.PlatformAdmin);
        admin.MapPut("/tenants/{tenant}", Update).RequireAuthorization(Policies.TenantAdmin);
        admin.MapPost("/keys/rotate", Rotate).RequireAuthorization(Policies.PlatformAdmin)
            .WithSummary("Writes a new signing key; it signs after the next start, the old ones stay in the JWKS");
        return app;
    }

    private static async Task<Results<Created<Tenant>, ValidationProblem, ProblemHttpResult>> Create(TenantInput input, IdentityStore db, CancellationToken ct)
    {
        var errors = Validate(input);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var id = input.Id.Trim().ToLowerInvariant();
        if (await db.Tenants.AnyAsync(t => t.Id == id, ct)) return Problems.Conflict($"A tenant '{id}' exists.");
        var row = TenantMapping.ToRow(new Tenant(id, input.Country.ToUpperInvariant(), input.Names));
        db.Tenants.Add(row);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/tenants/{id}", row.ToTenant());
    }

    private static async Task<Results<Ok<Tenant>, ValidationProblem, ProblemHttpResult>> Update(string tenant, TenantInput input, IdentityStore db, CancellationToken ct)
    {
        var row = await db.Tenants.FindAsync([tenant], ct);
        if (row is null) return Problems.UnknownTenant(tenant);
        var errors = Validate(input with { Id = tenant, Country = row.Country });
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        (row.NameSv, row.NameNb, row.NameFi, row.NameEn) = (input.Names["sv"], input.Names["nb"], input.Names["fi"], input.Names["en"]);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(row.ToTenant());
    }

    private static Ok<RotatedKey> Rotate(SigningKeyStore keys) => TypedResults.Ok(new RotatedKey(keys.Rotate()));

    public sealed record RotatedKey(string KeyId);

    private static Dictionary<string, string[]> Validate(TenantInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Id) || !input.Id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || input.Id.Length > 64)
            errors["id"] = ["Letters, digits and '-', at most 64."];
        if (!NationalId.Countries.Contains(input.Country?.ToUpperInvariant() ?? ""))
            errors["country"] = ["SE, NO or FI."];
        foreach (var lang in Login.LoginText.Languages)
        {
            if (input.Names is null || !input.Names.TryGetValue(lang, out var name) || string.IsNullOrWhiteSpace(name))
                errors[$"names.{lang}"] = ["Required."];
        }
        return errors;
    }
}
