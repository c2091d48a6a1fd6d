using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Sandbox.Identity.Personas;
using Sandbox.Security;

namespace Sandbox.Identity.Apis;

/// <summary>
/// <c>GET /me</c>: the signed-in person's own contact details (and a guardian's children), for an
/// access token with audience <c>identity</c>. <c>GET /internal/people/{subject}</c>: anyone's
/// contact details, only for the Dapr sidecar (app id <c>identity</c>, method
/// <c>internal/people/{subject}</c>), which the app token proves; answered with or without the
/// <c>/identity</c> path base.
/// </summary>
public static class PeopleApi
{
    public sealed record MeResponse(
        string Subject, string GivenName, string FamilyName, string Email, string Phone, string PreferredLanguage,
        PersonAddress? Address, IReadOnlyList<PersonChild> Children);

    public sealed record PersonResponse(
        string Subject, string TenantId, string GivenName, string FamilyName, string Email, string Phone, string PreferredLanguage);

    private static readonly AuthorizationPolicy AccessToken = new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser().Build();

    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/me", Me).WithTags("People").RequireAuthorization(AccessToken)
            .WithSummary("The caller's own name, contact details, address and children");
        app.MapGet("/internal/people/{subject}", Person).WithTags("Internal").RequireAuthorization(DaprAppToken.Policy)
            .WithSummary("A person's name and contact details (Dapr service invocation only)");
        return app;
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> Me(ClaimsPrincipal user, PeopleDirectory people, CancellationToken ct)
    {
        var subject = user.FindFirstValue(SandboxClaims.Subject) ?? "";
        if (await people.FindAsync(subject, ct) is not { } p) return Problems.NotFound("The token's subject is no person (a client's token?).");
        return TypedResults.Ok(new MeResponse(p.Subject, p.GivenName, p.FamilyName, p.Email, p.Phone, p.PreferredLanguage, p.Address, p.Children));
    }

    private static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> Person(string subject, PeopleDirectory people, CancellationToken ct) =>
        await people.FindAsync(subject, ct) is { } p
            ? TypedResults.Ok(new PersonResponse(p.Subject, p.TenantId, p.GivenName, p.FamilyName, p.Email, p.Phone, p.PreferredLanguage))
            : Problems.NotFound($"No person '{subject}'.");
}
