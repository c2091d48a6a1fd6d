using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Sandbox.Forms.Attachments;
using Sandbox.Forms.Domain;
using Sandbox.Forms.Hosting;
using Sandbox.Forms.Validation;
using Sandbox.Security;

namespace Sandbox.Forms.Apis;

/// <summary>
/// Files for filepicker fields: a citizen uploads them to a draft; the uploader, and once submitted a caseworker of
/// the tenant, downloads them.
/// </summary>
public static class AttachmentsApi
{
    public static IEndpointRouteBuilder MapAttachmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/forms").WithTags("Attachments");
        api.MapPost("/{formId}/draft/attachments", Upload).RequireAuthorization(Policies.Citizen);
        api.MapDelete("/{formId}/draft/attachments/{id:guid}", (Guid id, ClaimsPrincipal user, AttachmentFiles files, CancellationToken ct) =>
            Delete(id, user, files, ct)).RequireAuthorization(Policies.Citizen);
        api.MapDelete("/attachments/{id:guid}", Delete).RequireAuthorization(Policies.Citizen);
        api.MapGet("/attachments/{id:guid}", Download).RequireAuthorization();
        return app;
    }

    public static async Task<Results<Created<AttachmentInfo>, ProblemHttpResult, ForbidHttpResult>> Upload(
        string formId, HttpRequest request, ClaimsPrincipal user, FormDefinitions definitions, Drafts drafts, AttachmentFiles files,
        FormsOptions options, CancellationToken ct)
    {
        if (DraftsApi.Owner(user, formId) is not { } owner) return TypedResults.Forbid();
        if (!Caller.FormId.IsMatch(formId)) return JsonBody.Bad("Not a form id.");
        var language = request.Language();
        var tooLarge = TypedResults.Problem(Texts.TooLarge.In(language, options.MaxAttachmentBytes / 1024.0 / 1024.0),
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        var limit = options.MaxAttachmentBytes + 64 * 1024; // the file plus the multipart framing and other fields
        if (request.ContentLength > limit) return tooLarge;
        if (!request.HasFormContentType) return JsonBody.Bad("Send the file as multipart/form-data in a field named 'file'.");
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;

        IFormCollection form;
        try { form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit }, ct); }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException) { return tooLarge; }
        if (form.Files.GetFile("file") is not { } file) return JsonBody.Bad("Send the file as multipart/form-data in a field named 'file'.");
        if (file.Length > options.MaxAttachmentBytes) return tooLarge;

        var definition = await definitions.FindAsync(owner.TenantId, formId, null, ct);
        if (definition is null) return DefinitionsApi.NotFound(formId);
        var field = form["field"].ToString() is { Length: > 0 } key ? key : null;
        string? accept = null;
        if (field is not null)
        {
            if (Filepicker(definition.Schema.Components, field) is not { } picker) return JsonBody.Bad($"The form has no filepicker '{field}'.");
            accept = picker.Accept;
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content, ct);
        var (stored, refusal) = await files.UploadAsync(owner, field, accept, file.FileName, content, ct);
        if (refusal == UploadRefusal.None) await drafts.TouchAsync(owner, definition, ct);
        return refusal switch
        {
            UploadRefusal.None => TypedResults.Created($"/api/forms/attachments/{stored!.Id}", stored),
            UploadRefusal.TooLarge => tooLarge,
            UploadRefusal.TooMany => Refused(Texts.TooMany.In(language, options.MaxAttachmentsPerDraft), StatusCodes.Status409Conflict),
            UploadRefusal.UnknownType => Refused(Texts.UnknownType.In(language), StatusCodes.Status415UnsupportedMediaType),
            UploadRefusal.NotAccepted => Refused(Texts.NotAccepted.In(language), StatusCodes.Status415UnsupportedMediaType),
            UploadRefusal.ScannerUnavailable => TypedResults.Problem(Texts.ScannerUnavailable.In(language),
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Virus check unavailable"),
            _ => Refused(Texts.Infected.In(language), StatusCodes.Status422UnprocessableEntity),
        };
    }

    /// <summary>The bytes, as a download that browsers neither render inline nor sniff.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> Download(
        Guid id, HttpResponse response, ClaimsPrincipal user, AttachmentFiles files, CancellationToken ct)
    {
        if (user.Tenant() is not { } tenant) return TypedResults.Forbid();
        var file = await files.FindAsync(tenant, id, ct);
        var owner = file is not null && user.HasClaim(SandboxClaims.Role, Roles.Citizen) && file.Subject == user.Subject();
        var caseworker = file?.SubmissionId is not null && user.HasClaim(SandboxClaims.Role, Roles.Caseworker);
        if (file is null || !(owner || caseworker)) return TypedResults.NotFound();
        var bytes = await files.ReadAsync(file, ct);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(bytes, file.ContentType, file.FileName);
    }

    public static async Task<Results<NoContent, NotFound, ForbidHttpResult>> Delete(Guid id, ClaimsPrincipal user, AttachmentFiles files, CancellationToken ct)
    {
        if (user.Tenant() is not { } tenant) return TypedResults.Forbid();
        return await files.DeleteDraftFileAsync(tenant, user.Subject(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static FormComponent? Filepicker(IReadOnlyList<FormComponent> components, string key)
    {
        foreach (var c in components)
        {
            if (c.Type == ComponentTypes.Filepicker && c.Key == key) return c;
            if (Filepicker(c.Components, key) is { } inner) return inner;
        }
        return null;
    }

    private static ProblemHttpResult Refused(string detail, int status) => TypedResults.Problem(detail, statusCode: status, title: "File refused");
}
