using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Sandbox.Security;

namespace Sandbox.Notifications.Apis;

/// <summary>The ProblemDetails answers and caller helpers the notification endpoints share.</summary>
internal static partial class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static ProblemHttpResult NoTenant() =>
        TypedResults.Problem("The token names no tenant.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static ProblemHttpResult OtherTenant() =>
        TypedResults.Problem("The token belongs to another tenant.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>400 naming every variable the template prints that the data lacks.</summary>
    public static ProblemHttpResult MissingVariables(IReadOnlyList<string> names) =>
        TypedResults.Problem($"The data lacks these template variables: {string.Join(", ", names)}.",
            statusCode: StatusCodes.Status400BadRequest, title: "Missing template variables",
            extensions: new Dictionary<string, object?> { ["missingVariables"] = names });

    public static string? Tenant(this ClaimsPrincipal user) => user.GetTenant() is { Length: > 0 } t ? t : null;

    public static string Subject(this ClaimsPrincipal user) => user.FindFirst(SandboxClaims.Subject)?.Value ?? "";

    public static bool IsPlatformAdmin(this ClaimsPrincipal user) => user.HasClaim(SandboxClaims.Role, Roles.PlatformAdmin);

    /// <summary>Template ids: letters, digits, <c>_ . -</c>, up to 200.</summary>
    [GeneratedRegex("^[A-Za-z0-9_.-]{1,200}$")]
    public static partial Regex TemplateId { get; }
}
