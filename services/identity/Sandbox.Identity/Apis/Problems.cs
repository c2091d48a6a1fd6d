using Microsoft.AspNetCore.Http.HttpResults;

namespace Sandbox.Identity.Apis;

/// <summary>The ProblemDetails answers the admin API gives for expected failures.</summary>
internal static class Problems
{
    public static ProblemHttpResult UnknownTenant(string tenant) =>
        TypedResults.Problem($"No tenant has the id '{tenant}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown tenant");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Already exists");
}
