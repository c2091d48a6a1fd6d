using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Sandbox.Forms.Attachments;
using Sandbox.Forms.Domain;
using Sandbox.Forms.Hosting;
using Sandbox.Security;

namespace Sandbox.Forms.Apis;

/// <summary>A citizen's draft as answered by GET.</summary>
public sealed record DraftResponse(JsonObject Data, string Etag, int FormVersion, DateTimeOffset SavedAt, DateTimeOffset ExpiresAt,
    List<AttachmentInfo> Attachments);

/// <summary>The answer to a save.</summary>
public sealed record DraftSaved(string Etag, DateTimeOffset SavedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// Save and resume: one draft per citizen and form of the caller's tenant, kept in the Dapr state store. A save
/// names the etag it read (<c>If-Match</c>); without one it only creates. A stale etag gets 409.
/// </summary>
public static class DraftsApi
{
    /// <summary>Optional header on a save: the page (top-level group) the citizen has reached, for telemetry.</summary>
    public const string PageHeader = "X-Form-Page";

    public static IEndpointRouteBuilder MapDraftsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/forms/{formId}/draft").WithTags("Drafts").RequireAuthorization(Policies.Citizen);
        api.MapGet("/", Get);
        api.MapPut("/", Save);
        api.MapDelete("/", Delete);
        return app;
    }

    public static async Task<Results<Ok<DraftResponse>, NotFound, ProblemHttpResult, ForbidHttpResult>> Get(
        string formId, HttpResponse response, ClaimsPrincipal user, Drafts drafts, AttachmentFiles files, CancellationToken ct)
    {
        if (Owner(user, formId) is not { } owner) return TypedResults.Forbid();
        if (!Caller.FormId.IsMatch(formId)) return JsonBody.Bad("Not a form id.");
        var draft = await drafts.GetAsync(owner, ct);
        if (draft is null) return TypedResults.NotFound();
        response.Headers.ETag = Quote(draft.Etag);
        var s = draft.State;
        return TypedResults.Ok(new DraftResponse(s.Data, draft.Etag, s.FormVersion, s.SavedAt, s.ExpiresAt, await files.OfDraftAsync(owner, ct)));
    }

    public static async Task<Results<Ok<DraftSaved>, ProblemHttpResult, ForbidHttpResult>> Save(
        string formId, HttpRequest request, ClaimsPrincipal user, FormDefinitions definitions, Drafts drafts, FormsOptions options,
        Telemetry telemetry, CancellationToken ct)
    {
        if (Owner(user, formId) is not { } owner) return TypedResults.Forbid();
        if (!Caller.FormId.IsMatch(formId)) return JsonBody.Bad("Not a form id.");
        var (data, problem) = await JsonBody.ReadObjectAsync(request, options.MaxDataBytes, ct);
        if (problem is not null) return problem;
        var form = await definitions.FindAsync(owner.TenantId, formId, null, ct);
        if (form is null) return DefinitionsApi.NotFound(formId);

        var saved = await drafts.SaveAsync(owner, form, data!, Unquote(request.Headers.IfMatch.ToString()), ct);
        if (saved is null)
        {
            return TypedResults.Problem(Texts.StaleDraft.In(request.Language()), statusCode: StatusCodes.Status409Conflict, title: "Stale draft");
        }
        if (FormEventsApi.Page(request.Headers[PageHeader].ToString()) is { } page) telemetry.PageReached(form.FormId, form.Version, page);
        request.HttpContext.Response.Headers.ETag = Quote(saved.Etag);
        return TypedResults.Ok(new DraftSaved(saved.Etag, saved.State.SavedAt, saved.State.ExpiresAt));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult, ForbidHttpResult>> Delete(
        string formId, ClaimsPrincipal user, Drafts drafts, CancellationToken ct)
    {
        if (Owner(user, formId) is not { } owner) return TypedResults.Forbid();
        if (!Caller.FormId.IsMatch(formId)) return JsonBody.Bad("Not a form id.");
        return await drafts.DeleteAsync(owner, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    internal static DraftOwner? Owner(ClaimsPrincipal user, string formId) =>
        user.Tenant() is { } tenant ? new DraftOwner(tenant, user.Subject(), formId) : null;

    private static string Quote(string etag) => $"\"{etag}\"";

    private static string? Unquote(string header)
    {
        var value = header.Trim();
        if (value.Length == 0) return null;
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        return value.Trim('"');
    }
}
