using System.Net;
using System.Text.Json.Nodes;

namespace Sandbox.Portal.Tests.Fakes;

/// <summary>
/// Forms per CONTRACTS: a two-page application form (guardian and child; school and a medical attachment),
/// a review form, drafts with etags, attachments, validation and submissions.
/// </summary>
public sealed class FakeForms : FakeService
{
    public const string ApplicationForm = "school-transport-application";
    public const string ReviewForm = "school-transport-review";

    private int etagCounter;

    /// <summary>The draft of the application form, with its etag; null when there is none.</summary>
    public (JsonObject Data, string Etag)? Draft { get; set; }

    public List<JsonObject> Submissions { get; } = [];

    /// <summary>The application form's schema (default: the small two-page test form).</summary>
    public JsonObject ApplicationSchema { get; set; } = TestForms.Application();

    /// <summary>Fields the application needs, given the data (default: guardianName and school).</summary>
    public Func<JsonObject, string[]> ApplicationRequires { get; set; } = _ => ["guardianName", "school"];

    /// <summary>When set, the next draft save finds this saved meanwhile (from another window) and answers 409.</summary>
    public JsonObject? SavedElsewhere { get; set; }

    /// <summary>Uploaded files: the filepicker key and the file name.</summary>
    public List<(string Field, string FileName, string Id)> Uploads { get; } = [];

    public FakeForms()
    {
        On(HttpMethod.Get, "/api/forms/definitions/([^/]+)", (_, m) => m.Groups[1].Value switch
        {
            ApplicationForm => Json(new { formId = ApplicationForm, version = 1, publishedAt = DateTimeOffset.UnixEpoch, schema = ApplicationSchema }),
            ReviewForm => Json(new { formId = ReviewForm, version = 1, publishedAt = DateTimeOffset.UnixEpoch, schema = TestForms.Review() }),
            _ => Problem(HttpStatusCode.NotFound),
        });
        On(HttpMethod.Get, "/api/forms/" + ApplicationForm + "/draft", (_, _) => Draft is { } d
            ? Json(new { data = d.Data, etag = d.Etag, savedAt = DateTimeOffset.UnixEpoch, expiresAt = DateTimeOffset.UnixEpoch, attachments = Array.Empty<object>() })
            : Problem(HttpStatusCode.NotFound));
        On(HttpMethod.Put, "/api/forms/" + ApplicationForm + "/draft", (request, _) =>
        {
            var ifMatch = request.Headers.TryGetValues("If-Match", out var values) ? values.Single() : null;
            if (SavedElsewhere is { } other)
            {
                (Draft, SavedElsewhere) = ((other, $"\"{Interlocked.Increment(ref etagCounter)}\""), null);
                return Problem(HttpStatusCode.Conflict);
            }
            if (Draft is { } current ? ifMatch != current.Etag : ifMatch is not null) return Problem(HttpStatusCode.Conflict);
            var etag = $"\"{Interlocked.Increment(ref etagCounter)}\"";
            Draft = (BodyOf(request), etag);
            return Json(new { etag, savedAt = DateTimeOffset.UnixEpoch, expiresAt = DateTimeOffset.UnixEpoch });
        });
        On(HttpMethod.Post, "/api/forms/" + ApplicationForm + "/draft/attachments", async (request, _) =>
        {
            var parts = (MultipartFormDataContent)request.Content!;
            var field = await parts.Single(p => p.Headers.ContentDisposition!.Name == "field").ReadAsStringAsync();
            var file = parts.Single(p => p.Headers.ContentDisposition!.Name == "file");
            var id = $"att-{Uploads.Count + 1}";
            Uploads.Add((field, file.Headers.ContentDisposition!.FileName!, id));
            return Json(new { id, fileName = file.Headers.ContentDisposition!.FileName, contentType = file.Headers.ContentType?.MediaType, size = 5 },
                HttpStatusCode.Created);
        });
        On(HttpMethod.Post, "/api/forms/definitions/([^/]+)/validate", (request, m) =>
            Validate(m.Groups[1].Value, BodyOf(request)) is { Count: > 0 } errors ? Problem(HttpStatusCode.BadRequest, errors) : Json(new { valid = true, data = BodyOf(request) }));
        On(HttpMethod.Post, "/api/forms/" + ApplicationForm + "/submissions", (request, _) =>
        {
            var data = BodyOf(request);
            if (Validate(ApplicationForm, data) is { Count: > 0 } errors) return Problem(HttpStatusCode.BadRequest, errors);
            Submissions.Add(data);
            Draft = null;
            return Json(new { id = Guid.NewGuid().ToString(), reference = "ST-2026-0042", formId = ApplicationForm, formVersion = 1, submittedAt = DateTimeOffset.UnixEpoch },
                HttpStatusCode.Created);
        });
        On(HttpMethod.Get, "/api/forms/submissions/([^/]+)", (_, m) => Json(new
        {
            id = m.Groups[1].Value, reference = "ST-2026-0042", formId = ApplicationForm, formVersion = 1, tenantId = "bergen", subject = "citizen-1",
            submittedAt = DateTimeOffset.UnixEpoch,
            data = new JsonObject { ["guardianName"] = "Kari Nordmann", ["school"] = "Fjell skole", ["medical"] = "att-1" },
            attachments = new[] { new { id = "att-1", fileName = "legeerklæring.pdf", contentType = "application/pdf", size = 2048 } },
        }));
    }

    /// <summary>Required fields: <see cref="ApplicationRequires"/> on the application, decision on the review.</summary>
    public Dictionary<string, string[]> Validate(string formId, JsonObject data) => Missing(formId == ReviewForm ? ["decision"] : ApplicationRequires(data), data);

    /// <summary>The review form's rule, for the workflow fake.</summary>
    public static Dictionary<string, string[]> ValidateReview(JsonObject data) => Missing(["decision"], data);

    private static Dictionary<string, string[]> Missing(string[] required, JsonObject data) =>
        required.Where(k => string.IsNullOrWhiteSpace(data[k]?.ToString()) || data[k]?.ToString() == "false")
            .ToDictionary(k => k, _ => new[] { "Fyll ut feltet." });
}
