using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sandbox.Forms.Domain;
using Sandbox.Forms.Hosting;
using Sandbox.Forms.Validation;
using Sandbox.Security;

namespace Sandbox.Forms.Apis;

/// <summary>Citizens' submissions: submit a form of their municipality, list their own.</summary>
public static class SubmissionsApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/forms").WithTags("Submissions");
        api.MapPost("/{formId}/submissions", Submit).RequireAuthorization(Policies.Citizen);
        api.MapGet("/submissions/mine", Mine).RequireAuthorization(Policies.Citizen);
        api.MapGet("/tenants/{tenant}/submissions", OfTenant).RequireAuthorization(Policies.Caseworker);
        return app;
    }

    public static async Task<Results<Created<SubmissionReceipt>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Submit(
        string formId, HttpRequest request, ClaimsPrincipal user, FormDefinitions definitions, Submissions submissions,
        FormsOptions options, Telemetry telemetry, CancellationToken ct)
    {
        if (user.Tenant() is not { } tenant) return TypedResults.Forbid();
        if (!Caller.FormId.IsMatch(formId)) return JsonBody.Bad("Not a form id.");
        var key = request.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length > 100) return JsonBody.Bad($"{IdempotencyKeyHeader} is longer than 100 characters.");
        var subject = user.Subject();
        if (key.Length > 0 && await submissions.FindByIdempotencyKeyAsync(subject, key, ct) is { } earlier) return Created(earlier);

        var (data, problem) = await JsonBody.ReadObjectAsync(request, options.MaxDataBytes, ct);
        if (problem is not null) return problem;
        var form = await definitions.FindAsync(tenant, formId, null, ct);
        if (form is null) return DefinitionsApi.NotFound(formId);

        using var activity = telemetry.StartSubmitActivity(form.FormId, form.Version);
        var result = FormValidator.Validate(form.Schema, data!, request.Language());
        if (!result.IsValid)
        {
            telemetry.ValidationFailed(form.FormId, form.Version, result.Failures);
            return TypedResults.ValidationProblem(result.Errors.ToDictionary(), title: "The data does not fit the form.");
        }
        try
        {
            var receipt = await submissions.StoreAsync(form, subject, result.Data, key.Length > 0 ? key : null, ct);
            telemetry.Submitted(form.FormId, form.Version);
            activity?.SetTag("submission.reference", receipt.Reference);
            return Created(receipt);
        }
        catch (DbUpdateException) when (key.Length > 0)
        {
            // The same key raced in from another request: answer what that one stored.
            if (await submissions.FindByIdempotencyKeyAsync(subject, key, ct) is { } first) return Created(first);
            throw;
        }
    }

    public static async Task<Ok<List<SubmissionReceipt>>> Mine(ClaimsPrincipal user, Submissions submissions, CancellationToken ct) =>
        TypedResults.Ok(await submissions.MineAsync(user.Subject(), ct));

    /// <summary>A caseworker's view: the tenant in the route must be the caseworker's own (the policy checks it).</summary>
    public static async Task<Results<Ok<List<TenantSubmission>>, ProblemHttpResult>> OfTenant(
        string tenant, string? formId, int? limit, Submissions submissions, CancellationToken ct)
    {
        if (formId is not null && !Caller.FormId.IsMatch(formId)) return JsonBody.Bad("Not a form id.");
        if (limit is < 1 or > 500) return JsonBody.Bad("limit must be between 1 and 500.");
        return TypedResults.Ok(await submissions.OfTenantAsync(tenant, formId, limit ?? 100, ct));
    }

    private static Created<SubmissionReceipt> Created(SubmissionReceipt receipt) =>
        TypedResults.Created($"/api/forms/submissions/{receipt.Id}", receipt);
}
