using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sandbox.Identity.Data;
using Sandbox.Identity.Personas;
using Sandbox.Security;

namespace Sandbox.Identity.Apis;

/// <summary>Personas of a tenant: list, add, generate, import a CSV, remove.</summary>
public static class AdminPersonasApi
{
    public sealed record GenerateRequest(int Count);

    public static IEndpointRouteBuilder MapAdminPersonasApi(this IEndpointRouteBuilder app)
    {
        var personas = app.MapGroup("/admin/tenants/{tenant}/personas").WithTags("Admin").RequireAuthorization(Policies.TenantAdmin);
        personas.MapGet("/", List);
        personas.MapPost("/", Create);
        personas.MapPost("/generate", Generate).WithSummary("Generates personas with valid national ids");
        personas.MapPost("/import", Import).Accepts<string>("text/csv")
            .WithSummary("Imports a CSV: nationalId,givenName,familyName[,country,street,postalCode,city,protectedIdentity]; all rows or none");
        personas.MapDelete("/{id}", Delete);
        return app;
    }

    private static async Task<Results<Ok<List<Persona>>, ProblemHttpResult>> List(string tenant, IdentityStore db, CancellationToken ct) =>
        await db.Tenants.AnyAsync(t => t.Id == tenant, ct)
            ? TypedResults.Ok(await db.Personas.Where(p => p.TenantId == tenant).OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ToListAsync(ct))
            : Problems.UnknownTenant(tenant);

    private static async Task<Results<Created<Persona>, ValidationProblem, ProblemHttpResult>> Create(
        string tenant, PersonaInput input, IdentityStore db, PersonaService service, CancellationToken ct)
    {
        if (await db.Tenants.FindAsync([tenant], ct) is not { } row) return Problems.UnknownTenant(tenant);
        var (added, errors) = await service.AddAsync(row, [("persona", input, null)], ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Created($"/admin/tenants/{tenant}/personas/{added[0].Id}", added[0]);
    }

    private static async Task<Results<Ok<IReadOnlyList<Persona>>, ValidationProblem, ProblemHttpResult>> Generate(
        string tenant, GenerateRequest request, IdentityStore db, PersonaService service, CancellationToken ct)
    {
        if (request.Count is < 1 or > 500) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["count"] = ["Between 1 and 500."] });
        if (await db.Tenants.FindAsync([tenant], ct) is not { } row) return Problems.UnknownTenant(tenant);
        return TypedResults.Ok(await service.GenerateAsync(row, request.Count, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<Persona>>, ValidationProblem, ProblemHttpResult>> Import(
        string tenant, HttpRequest request, IdentityStore db, PersonaService service, CancellationToken ct)
    {
        if (await db.Tenants.FindAsync([tenant], ct) is not { } row) return Problems.UnknownTenant(tenant);
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        var rows = PersonaCsv.Read(text).Select(r => ($"line{r.Line}", r.Input, r.Error)).ToList();
        if (rows.Count == 0) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["csv"] = ["A header line and at least one row are needed."] });
        var (added, errors) = await service.AddAsync(row, rows, ct);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(added);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string tenant, string id, IdentityStore db, CancellationToken ct)
    {
        var removed = await db.Personas.Where(p => p.TenantId == tenant && p.Id == id).ExecuteDeleteAsync(ct);
        return removed == 0 ? Problems.NotFound($"No persona '{id}' in '{tenant}'.") : TypedResults.NoContent();
    }
}
