using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sandbox.Identity.Data;
using Sandbox.Identity.Tenants;

namespace Sandbox.Identity.Apis;

public static class TenantsApi
{
    public static IEndpointRouteBuilder MapTenantsApi(this IEndpointRouteBuilder app)
    {
        // Municipalities are public facts: the login page lists them before anyone signs in.
        var tenants = app.MapGroup("/tenants").WithTags("Tenants").AllowAnonymous();
        tenants.MapGet("/", List).WithSummary("Lists the municipalities in the sandbox");
        tenants.MapGet("/{id}", Get).WithSummary("One municipality");
        return app;
    }

    private static async Task<Ok<List<Tenant>>> List(IdentityStore db, CancellationToken ct) =>
        TypedResults.Ok((await db.Tenants.OrderBy(t => t.Id).ToListAsync(ct)).Select(t => t.ToTenant()).ToList());

    private static async Task<Results<Ok<Tenant>, ProblemHttpResult>> Get(string id, IdentityStore db, CancellationToken ct) =>
        await db.Tenants.FindAsync([id.ToLowerInvariant()], ct) is { } row
            ? TypedResults.Ok(row.ToTenant())
            : TypedResults.Problem($"No municipality has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown municipality");
}
