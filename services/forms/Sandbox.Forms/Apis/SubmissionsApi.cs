using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sandbox.Forms.Attachments;
using Sandbox.Forms.Data;
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
        api.MapGet("/submissions/{id:guid}", GetOne).RequireAuthorization();
        api.MapGet("/tenants/{tenant}/submissions", OfTenant).RequireAuthorization(Policies.Caseworker);
        return app;
    }

    public static async Task<Results<Created<SubmissionReceipt>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Submit(
        string formId, HttpRequest request, ClaimsPrincipal user, FormDefinitions definitions, Submissions submissions,
        AttachmentFiles files, Drafts drafts, FormsOptions options, Telemetry telemetry, CancellationToken ct)
    {
        if (user.Tenant() is not { } tenant) return TypedResults.Forbid();
        if (!Caller.FormId.IsMatch(formId)) return JsonBody.Bad("Not a form id.");
        var key = request.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length > 100) return JsonBody.Bad($"{IdempotencyKeyHeader} is longer than 100 characters.");
        var subject = user.Subject();
        // A retry with a key is answered from the insert (see StoreAsync); only where this request would fail
        // is the key looked up first, as the data may no longer fit (a newer version, files already submitted).
        async Task<SubmissionReceipt?> Earlier() => key.Length > 0 ? await submissions.FindByIdempotencyKeyAsync(subject, key, ct) : null;

        var (data, problem) = await JsonBody.ReadObjectAsync(request, options.MaxDataBytes, ct);
        if (problem is not null) return problem;
        var form = await definitions.FindAsync(tenant, formId, null, ct);
        if (form is null) return await Earlier() is { } gone ? Created(gone) : DefinitionsApi.NotFound(formId);

        using var activity = telemetry.StartSubmitActivity(form.FormId, form.Version);
        var language = request.Language();
        var result = FormValidator.Validate(form.Schema, data!, language);
        if (!result.IsValid)
        {
            if (await Earlier() is { } first) return Created(first);
            telemetry.ValidationFailed(form.FormId, form.Version, result.Failures);
            return TypedResults.ValidationProblem(result.Errors.ToDictionary(), title: "The data does not fit the form.");
        }
        var owner = new DraftOwner(tenant, subject, form.FormId);
        var (linked, unknown) = await DraftFilesAsync(owner, result.Files, files, ct);
        if (unknown.Count > 0)
        {
            if (await Earlier() is { } first) return Created(first);
            return TypedResults.ValidationProblem(unknown.ToDictionary(p => p, _ => new[] { ValidationMessages.Format(ValidationError.UnknownFile, language) }),
                title: "The data does not fit the form.");
        }
        var (receipt, stored) = await submissions.StoreAsync(form, subject, result.Data, key.Length > 0 ? key : null, linked, language, ct);
        if (!stored) return Created(receipt);
        telemetry.Submitted(form.FormId, form.Version);
        activity?.SetTag("submission.reference", receipt.Reference);
        await drafts.CompleteAsync(owner, form, ct);
        return Created(receipt);
    }

    /// <summary>One submission: for the citizen who made it, or a caseworker of its tenant.</summary>
    public static async Task<Results<Ok<SubmissionDetails>, NotFound, ForbidHttpResult>> GetOne(
        Guid id, ClaimsPrincipal user, Submissions submissions, CancellationToken ct)
    {
        if (user.Tenant() is not { } tenant) return TypedResults.Forbid();
        var found = await submissions.FindAsync(tenant, id, ct);
        var owner = found is not null && user.HasClaim(SandboxClaims.Role, Roles.Citizen) && found.Subject == user.Subject();
        var caseworker = found is not null && user.HasClaim(SandboxClaims.Role, Roles.Caseworker);
        return owner || caseworker ? TypedResults.Ok(found!) : TypedResults.NotFound();
    }

    // Every file the data names must be one of the citizen's draft files of this form.
    private static async Task<(List<AttachmentEntity> Linked, HashSet<string> Unknown)> DraftFilesAsync(
        DraftOwner owner, IReadOnlyList<FileReference> references, AttachmentFiles files, CancellationToken ct)
    {
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        if (references.Count == 0) return ([], unknown);
        var ids = references.Select(r => Guid.TryParse(r.Id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var found = await files.DraftFilesAsync(owner, ids, ct);
        var known = found.Select(f => f.PublicId).ToHashSet();
        foreach (var r in references.Where(r => !Guid.TryParse(r.Id, out var g) || !known.Contains(g))) unknown.Add(r.Path);
        return (found, unknown);
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
