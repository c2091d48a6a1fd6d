using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sandbox.Security;

namespace Sandbox.Workflow.Apis;

/// <summary>The ProblemDetails answers the workflow endpoints share.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static ProblemHttpResult NoTenant() =>
        TypedResults.Problem("The token names no tenant", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>The caller's tenant; every workflow resource belongs to exactly one.</summary>
    public static string? Tenant(ClaimsPrincipal user) => user.GetTenant();
}
