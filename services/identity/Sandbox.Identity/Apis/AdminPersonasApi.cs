using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sandbox.Identity.Data;
using Sandbox.Identity.Personas;
using Sandbox.Security;

namespace Sandbox.Identity.Apis;

/// <summary>Personas of a tenant: list, add, generate, import a CSV, remove.</summary>
public static class AdminPersonasApi
{
    /// <summary><c>count</c> unrelated personas, plus <c>families</c> guardians with one or two school-age children each.</summary>
    public sealed record GenerateRequest(int Count, int Families = 0);

    /// <summary>The children (persona ids or national ids of minors of the tenant) in a guardian's care.</summary>
    public sealed record ChildrenRequest(string[]? Children);

    public static IEndpointRouteBuilder MapAdminPersonasApi(this IEndpointRouteBuilder app)
    {
        var personas = app.MapGroup("/admin/tenants/{tenant}/personas").WithTags("Admin").RequireAuthorization(Policies.TenantAdmin);
        personas.MapGet("/", List);
        personas.MapPost("/", Create);
        personas.MapPost("/generate", Generate).WithSummary("Generates personas with valid national ids, and families of a guardian with children");
        personas.MapPost("/import", Import).Accepts<string>("text/csv")
            .WithSummary("Imports a CSV: nationalId,givenName,familyName[,country,street,postalCode,city,protectedIdentity,email,phone,preferredLanguage,children]; all rows or none");
        personas.MapPut("/{id}/children", SetChildren).WithSummary("Replaces the children linked to a guardian");
        personas.MapDelete("/{id}", Delete);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<PersonaView>>, ProblemHttpResult>> List(
        string tenant, IdentityStore db, PersonaService service, CancellationToken ct) =>
        await db.Tenants.AnyAsync(t => t.Id == tenant, ct)
            ? TypedResults.Ok(await service.ListAsync(tenant, ct))
            : Problems.UnknownTenant(tenant);

    private static async Task<Results<Created<PersonaView>, ValidationProblem, ProblemHttpResult>> Create(
        string tenant, PersonaInput input, IdentityStore db, PersonaService service, CancellationToken ct)
    {
        if (await db.Tenants.FindAsync([tenant], ct) is not { } row) return Problems.UnknownTenant(tenant);
        var (added, errors) = await service.AddAsync(row, [("persona", input, null)], ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Created($"/admin/tenants/{tenant}/personas/{added[0].Id}", added[0]);
    }

    private static async Task<Results<Ok<IReadOnlyList<PersonaView>>, ValidationProblem, ProblemHttpResult>> Generate(
        string tenant, GenerateRequest request, IdentityStore db, PersonaService service, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Count is < 0 or > 500) errors["count"] = ["Between 0 and 500."];
        if (request.Families is < 0 or > 100) errors["families"] = ["Between 0 and 100."];
        if (errors.Count == 0 && request.Count + request.Families == 0) errors["count"] = ["Ask for at least one persona or family."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (await db.Tenants.FindAsync([tenant], ct) is not { } row) return Problems.UnknownTenant(tenant);
        return TypedResults.Ok(await service.GenerateAsync(row, request.Count, request.Families, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<PersonaView>>, ValidationProblem, ProblemHttpResult>> Import(
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

    private static async Task<Results<Ok<PersonaView>, ValidationProblem, ProblemHttpResult>> SetChildren(
        string tenant, string id, ChildrenRequest request, PersonaService service, CancellationToken ct)
    {
        var (persona, errors) = await service.SetChildrenAsync(tenant, id, request.Children ?? [], ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return persona is null ? Problems.NotFound($"No persona '{id}' in '{tenant}'.") : TypedResults.Ok(persona);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string tenant, string id, IdentityStore db, CancellationToken ct)
    {
        var removed = await db.Personas.Where(p => p.TenantId == tenant && p.Id == id).ExecuteDeleteAsync(ct);
        return removed == 0 ? Problems.NotFound($"No persona '{id}' in '{tenant}'.") : TypedResults.NoContent();
    }
}
