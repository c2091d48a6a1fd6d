using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Sandbox.Portal.Clients;

/// <summary>A published form, texts already in the asked language.</summary>
public sealed record FormDefinition(string FormId, int Version, JsonObject Schema);

/// <summary>An uploaded file.</summary>
public sealed record AttachmentView(string Id, string FileName, string? ContentType, long Size);

/// <summary>A citizen's saved draft of a form.</summary>
public sealed record DraftView(JsonObject? Data, string Etag, DateTimeOffset? SavedAt, DateTimeOffset? ExpiresAt, IReadOnlyList<AttachmentView>? Attachments);

/// <summary>The answer to a draft save.</summary>
public sealed record DraftSaved(string Etag, DateTimeOffset? SavedAt, DateTimeOffset? ExpiresAt);

/// <summary>The receipt of a submission.</summary>
public sealed record SubmissionReceipt(string Id, string Reference, string FormId, int FormVersion, DateTimeOffset SubmittedAt);

/// <summary>A stored submission as its owner or a caseworker of the tenant reads it.</summary>
public sealed record SubmissionView(string Id, string Reference, string FormId, int FormVersion, string? TenantId, string? Subject,
    DateTimeOffset SubmittedAt, JsonObject? Data, IReadOnlyList<AttachmentView>? Attachments);

/// <summary>Outcome of a submit: a receipt, or field errors.</summary>
public sealed record SubmitResult(SubmissionReceipt? Receipt, FieldErrors? Errors);

/// <summary>The forms service: definitions, drafts, attachments, validation and submissions.</summary>
public sealed class FormsClient(HttpClient http)
{
    private const string Service = "forms";

    /// <summary><c>GET /api/forms/definitions/{formId}?lang=</c>.</summary>
    public async Task<FormDefinition> GetDefinitionAsync(string formId, string language, CancellationToken ct)
    {
        using var response = await http.GetAsync($"/api/forms/definitions/{Uri.EscapeDataString(formId)}?lang={language}", ct);
        await response.EnsureAsync(Service, ct);
        return (await response.Content.ReadFromJsonAsync<FormDefinition>(ct))!;
    }

    /// <summary>The caller's draft of the form, or null when there is none.</summary>
    public async Task<DraftView?> GetDraftAsync(string formId, CancellationToken ct)
    {
        using var response = await http.GetAsync($"/api/forms/{Uri.EscapeDataString(formId)}/draft", ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await response.EnsureAsync(Service, ct);
        return await response.Content.ReadFromJsonAsync<DraftView>(ct);
    }

    /// <summary>
    /// Saves the draft; null when <paramref name="etag"/> is stale (someone saved meanwhile). The page reached goes
    /// along as <c>X-Form-Page</c> for the pilot's telemetry.
    /// </summary>
    public async Task<DraftSaved?> SaveDraftAsync(string formId, JsonObject data, string? etag, int? page, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/forms/{Uri.EscapeDataString(formId)}/draft") { Content = JsonContent.Create(data) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        if (page is not null) request.Headers.Add("X-Form-Page", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed) return null;
        await response.EnsureAsync(Service, ct);
        return await response.Content.ReadFromJsonAsync<DraftSaved>(ct);
    }

    /// <summary>Removes the caller's draft.</summary>
    public async Task DeleteDraftAsync(string formId, CancellationToken ct)
    {
        using var response = await http.DeleteAsync($"/api/forms/{Uri.EscapeDataString(formId)}/draft", ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return;
        await response.EnsureAsync(Service, ct);
    }

    /// <summary>Uploads a file to the draft (multipart field <c>file</c>, <c>field</c> = the filepicker key).</summary>
    public async Task<AttachmentView> UploadAsync(string formId, string field, IFormFile file, CancellationToken ct)
    {
        using var content = new MultipartFormDataContent();
        var stream = new StreamContent(file.OpenReadStream());
        stream.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        content.Add(stream, "file", Path.GetFileName(file.FileName));
        content.Add(new StringContent(field), "field");
        using var response = await http.PostAsync($"/api/forms/{Uri.EscapeDataString(formId)}/draft/attachments", content, ct);
        await response.EnsureAsync(Service, ct);
        return (await response.Content.ReadFromJsonAsync<AttachmentView>(ct))!;
    }

    /// <summary>Validates data against the form; null when valid. Messages come in the page's language.</summary>
    public async Task<FieldErrors?> ValidateAsync(string formId, JsonObject data, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync($"/api/forms/definitions/{Uri.EscapeDataString(formId)}/validate", data, ct);
        return await response.FieldErrorsOrThrowAsync(Service, ct);
    }

    /// <summary>Submits the data; the idempotency key makes a repeated click answer the same receipt.</summary>
    public async Task<SubmitResult> SubmitAsync(string formId, JsonObject data, string idempotencyKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/forms/{Uri.EscapeDataString(formId)}/submissions") { Content = JsonContent.Create(data) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request, ct);
        if (await response.FieldErrorsOrThrowAsync(Service, ct) is { } errors) return new SubmitResult(null, errors);
        return new SubmitResult(await response.Content.ReadFromJsonAsync<SubmissionReceipt>(ct), null);
    }

    /// <summary><c>GET /api/forms/submissions/{id}</c>.</summary>
    public async Task<SubmissionView> GetSubmissionAsync(string id, CancellationToken ct)
    {
        using var response = await http.GetAsync($"/api/forms/submissions/{Uri.EscapeDataString(id)}", ct);
        await response.EnsureAsync(Service, ct);
        return (await response.Content.ReadFromJsonAsync<SubmissionView>(ct))!;
    }
}
