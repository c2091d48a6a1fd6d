using System.Net;
using System.Text.Json.Nodes;

namespace Sandbox.Portal.Tests.Fakes;

/// <summary>Workflow per CONTRACTS: e-services, the citizen's cases, an inbox of two tasks (one overdue), processes and the clock.</summary>
public sealed class FakeWorkflow : FakeService
{
    public static readonly DateTimeOffset Now = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> Names = new() { ["sv"] = "Skolskjuts", ["nb"] = "Skoleskyss", ["fi"] = "Koulukuljetus", ["en"] = "School transport" };

    public string? Assignee { get; set; }

    public JsonObject? CompletedWith { get; private set; }

    public TimeSpan ClockOffset { get; private set; }

    /// <summary>When set, the inbox holds this many open tasks (ids from 1001), paged 50 at a time.</summary>
    public int? InboxSize { get; set; }

    /// <summary>The status of each stored version of the school transport e-service.</summary>
    public Dictionary<int, string> VersionStatus { get; } = new() { [2] = "published", [1] = "retired" };

    /// <summary>Bytes of the packages deployed.</summary>
    public List<byte[]> Packages { get; } = [];

    public FakeWorkflow()
    {
        On(HttpMethod.Get, "/api/workflow/eservices", (request, _) => Query(request, "all") == "true"
            ? Json(new object[] { SchoolTransport(), LibraryCard() })
            : Json(PublishedVersion() is { } published ? new[] { SchoolTransportView(published) } : []));
        On(HttpMethod.Post, "/api/workflow/eservices", async (request, _) =>
        {
            var bytes = await request.Content!.ReadAsByteArrayAsync();
            if (request.Content.Headers.ContentType?.MediaType != "application/zip" || bytes.Length < 2 || bytes[0] != (byte)'P' || bytes[1] != (byte)'K')
            {
                return Problem(HttpStatusCode.BadRequest, new() { ["eservice.yaml"] = ["The package is not a zip file."] });
            }
            Packages.Add(bytes);
            return Json(new { id = "school-transport", version = 2 }, HttpStatusCode.Created);
        });
        On(HttpMethod.Get, "/api/workflow/cases/mine", (_, _) => Json(new[] { Case(withHistory: false) }));
        On(HttpMethod.Get, "/api/workflow/cases/([^/]+)", (_, _) => Json(Case(withHistory: true)));
        On(HttpMethod.Get, "/api/workflow/tasks", (request, _) =>
        {
            if (InboxSize is not { } size)
            {
                return Json(new { items = new[] { Task(7, Now.AddDays(-1), overdue: true), Task(8, Now.AddDays(4), overdue: false) }, page = 1, pageSize = 50, total = 2 });
            }
            // Task n is due on day n; the fake sorts by due date only, in the order asked.
            var page = int.Parse(Query(request, "page") ?? "1");
            var numbers = Enumerable.Range((page - 1) * 50 + 1, 50).Where(n => n <= size);
            if (Query(request, "order") == "desc") numbers = numbers.Select(n => size + 1 - n);
            var items = numbers.Select(n => Task(1000 + n, Now.AddDays(n), overdue: false));
            return Json(new { items, page, pageSize = 50, total = size });
        });
        On(HttpMethod.Get, "/api/workflow/tasks/(\\d+)", (_, m) => Json(new { task = Task(long.Parse(m.Groups[1].Value), Now.AddDays(4), overdue: false), variables = new { school = "Fjell skole" } }));
        On(HttpMethod.Get, "/api/workflow/eservices/school-transport", (_, _) => Json(SchoolTransport()));
        On(HttpMethod.Post, "/api/workflow/eservices/school-transport/versions/(\\d+)/(publish|retire)", (_, m) =>
        {
            var version = int.Parse(m.Groups[1].Value);
            if (!VersionStatus.ContainsKey(version)) return Problem(HttpStatusCode.NotFound);
            VersionStatus[version] = m.Groups[2].Value == "publish" ? "published" : "retired";
            return Json(new { id = "school-transport", version, names = Names, descriptions = Names, startForm = FakeForms.ApplicationForm, bpmnProcessId = "school-transport", status = VersionStatus[version] });
        });
        On(HttpMethod.Get, "/api/workflow/processes", (_, _) => Json(new[]
        {
            new { key = 2251799813685249L, bpmnProcessId = "school-transport", version = 1, name = "Skoleskyss", deployedAt = Now.AddDays(-30) },
            new { key = 2251799813685300L, bpmnProcessId = "school-transport", version = 2, name = "Skoleskyss", deployedAt = Now },
        }));
        On(HttpMethod.Post, "/api/workflow/tasks/(\\d+)/claim", (request, _) =>
        {
            Assignee = "caseworker-1";
            return Json(new { });
        });
        On(HttpMethod.Post, "/api/workflow/tasks/(\\d+)/complete", (request, _) =>
        {
            var variables = BodyOf(request)["variables"]!.AsObject();
            if (FakeForms.ValidateReview(variables) is { Count: > 0 } errors) return Problem(HttpStatusCode.BadRequest, errors);
            CompletedWith = variables;
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        On(HttpMethod.Get, "/api/workflow/processes/([^/]+)/statistics", (_, _) => Json(new[]
        {
            new { elementId = "review", active = 3, completed = 5, incidents = 0 },
        }));
        On(HttpMethod.Get, "/api/workflow/processes/([^/]+)/xml", (_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<definitions/>") });
        On(HttpMethod.Get, "/api/workflow/sandbox/clock", (_, _) => Json(new { now = Now + ClockOffset, offset = ClockOffset }));
        On(HttpMethod.Post, "/api/workflow/sandbox/clock", (request, _) =>
        {
            var advance = BodyOf(request)["advance"]!.GetValue<string>();
            ClockOffset += System.Xml.XmlConvert.ToTimeSpan(advance);
            return Json(new { now = Now + ClockOffset, offset = ClockOffset });
        });
    }

    private static string? Query(HttpRequestMessage request, string name) =>
        System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)[name];

    private int? PublishedVersion() => VersionStatus.Where(v => v.Value == "published").Select(v => (int?)v.Key).Max();

    private static object SchoolTransportView(int version) => new
    {
        id = "school-transport", version, names = Names, descriptions = Names, startForm = FakeForms.ApplicationForm, bpmnProcessId = "school-transport", status = "published",
    };

    // As GET eservices/{id} and GET eservices?all=true answer: the newest published version (or null) and every version.
    private object SchoolTransport() => new
    {
        id = "school-transport",
        current = PublishedVersion() is { } published ? SchoolTransportView(published) : null,
        versions = VersionStatus.OrderByDescending(v => v.Key).Select(v => new
        {
            version = v.Key, status = v.Value, bpmnProcessId = "school-transport", processVersion = v.Key, createdAt = Now.AddDays(-30 * (2 - v.Key)),
            names = Names, startForm = FakeForms.ApplicationForm,
        }),
    };

    // An e-service whose only version was retired: GET eservices no longer lists it.
    private static object LibraryCard() => new
    {
        id = "library-card",
        current = (object?)null,
        versions = new[]
        {
            new
            {
                version = 1, status = "retired", bpmnProcessId = "library-card", processVersion = 1, createdAt = Now.AddDays(-60),
                names = new Dictionary<string, string> { ["sv"] = "Lånekort", ["nb"] = "Lånekort", ["fi"] = "Kirjastokortti", ["en"] = "Library card" },
                startForm = "library-card-application",
            },
        },
    };

    private object Task(long id, DateTimeOffset due, bool overdue) => new
    {
        id, instanceId = "inst-1", elementId = "review", name = "Vurder søknad", formId = FakeForms.ReviewForm, assignee = Assignee,
        candidateGroups = new[] { "caseworker" }, dueDate = due, createdAt = Now.AddDays(-6), state = "open", overdue,
        reference = $"ST-2026-00{id}", submissionId = "sub-1", bpmnProcessId = "school-transport", processName = "Skoleskyss",
    };

    private static object Case(bool withHistory) => new
    {
        instanceId = "inst-1", reference = "ST-2026-0042", submissionId = "sub-1", eserviceId = "school-transport", names = Names,
        state = "active", caseStatus = "in-review", startedAt = Now.AddDays(-6), updatedAt = Now.AddDays(-5),
        history = withHistory
            ? new object[]
            {
                new { elementId = "received", name = "Søknad mottatt", type = "startEvent", enteredAt = Now.AddDays(-6), leftAt = Now.AddDays(-6) },
                new { elementId = "review", name = "Vurder søknad", type = "userTask", enteredAt = Now.AddDays(-6), leftAt = (DateTimeOffset?)null },
            }
            : null,
    };
}
