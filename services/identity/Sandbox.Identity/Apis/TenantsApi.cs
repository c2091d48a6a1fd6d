using Microsoft.AspNetCore.Http.HttpResults;
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

    private static Ok<IReadOnlyList<Tenant>> List() => TypedResults.Ok(SeedTenants.All);

    private static Results<Ok<Tenant>, ProblemHttpResult> Get(string id) =>
        SeedTenants.Find(id) is { } tenant
            ? TypedResults.Ok(tenant)
            : TypedResults.Problem($"No municipality has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown municipality");
}
