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

    public FakeForms()
    {
        On(HttpMethod.Get, "/api/forms/definitions/([^/]+)", (_, m) => m.Groups[1].Value switch
        {
            ApplicationForm => Json(new { formId = ApplicationForm, version = 1, publishedAt = DateTimeOffset.UnixEpoch, schema = TestForms.Application() }),
            ReviewForm => Json(new { formId = ReviewForm, version = 1, publishedAt = DateTimeOffset.UnixEpoch, schema = TestForms.Review() }),
            _ => Problem(HttpStatusCode.NotFound),
        });
        On(HttpMethod.Get, "/api/forms/" + ApplicationForm + "/draft", (_, _) => Draft is { } d
            ? Json(new { data = d.Data, etag = d.Etag, savedAt = DateTimeOffset.UnixEpoch, expiresAt = DateTimeOffset.UnixEpoch, attachments = Array.Empty<object>() })
            : Problem(HttpStatusCode.NotFound));
        On(HttpMethod.Put, "/api/forms/" + ApplicationForm + "/draft", (request, _) =>
        {
            var ifMatch = request.Headers.TryGetValues("If-Match", out var values) ? values.Single() : null;
            if (Draft is { } current ? ifMatch != current.Etag : ifMatch is not null) return Problem(HttpStatusCode.Conflict);
            var etag = $"\"{Interlocked.Increment(ref etagCounter)}\"";
            Draft = (BodyOf(request), etag);
            return Json(new { etag, savedAt = DateTimeOffset.UnixEpoch, expiresAt = DateTimeOffset.UnixEpoch });
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

    /// <summary>Required fields: guardianName and school on the application, decision on the review.</summary>
    public static Dictionary<string, string[]> Validate(string formId, JsonObject data)
    {
        var required = formId == ReviewForm ? ["decision"] : new[] { "guardianName", "school" };
        return required.Where(k => string.IsNullOrWhiteSpace(data[k]?.ToString()))
            .ToDictionary(k => k, _ => new[] { "Fyll ut feltet." });
    }
}
