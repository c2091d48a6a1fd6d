using System.Security.Claims;
using System.Text.RegularExpressions;
using Sandbox.Forms.Validation;
using Sandbox.Security;

namespace Sandbox.Forms.Apis;

internal static partial class Caller
{
    public static string? Tenant(this ClaimsPrincipal user) => user.FindFirst(SandboxClaims.Tenant)?.Value is { Length: > 0 } t ? t : null;

    public static string Subject(this ClaimsPrincipal user) => user.FindFirst(SandboxClaims.Subject)?.Value ?? "";

    public static string Language(this HttpRequest request) =>
        ValidationMessages.Negotiate(request.Headers.AcceptLanguage.ToString());

    /// <summary>Form ids as the form-js editor makes them (<c>Form_0k71hbi</c>), or a designer's own.</summary>
    [GeneratedRegex("^[A-Za-z0-9_.-]{1,200}$")]
    public static partial Regex FormId { get; }
}
