using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Sandbox.Notifications.Tests.Infrastructure;
using static Sandbox.Notifications.Tests.Infrastructure.Http;

namespace Sandbox.Notifications.Tests.Api;

public abstract class SendingApiTests(IStackFixture fixture)
{
    private TestStack Stack => fixture.Stack;
    private NotificationsApp App => fixture.Stack.App;

    private async Task<JsonArray> OutboxAsync(string query, string? token = null) =>
        await (await App.Client(token ?? Tokens.Caseworker()).GetAsync($"/api/notifications/sandbox/outbox?{query}", Ct)).JsonArrayAsync();

    private static string Event(string notificationId, string template, string email, string? traceParent = null, string tenant = "uppsala") =>
        new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = Guid.NewGuid().ToString(),
            ["source"] = "workflow",
            ["type"] = "com.dapr.event.sent",
            ["datacontenttype"] = "application/json",
            ["pubsubname"] = "pubsub",
            ["topic"] = "notification-requested",
            ["traceparent"] = traceParent ?? $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01",
            ["data"] = new JsonObject
            {
                ["notificationId"] = notificationId,
                ["tenantId"] = tenant,
                ["template"] = template,
                ["language"] = "sv",
                ["recipient"] = new JsonObject { ["email"] = email },
                ["data"] = new JsonObject { ["name"] = "Anna", ["reference"] = "SKS-2026-000042" },
                ["reference"] = "SKS-2026-000042",
                ["processInstanceId"] = "pi-1",
            },
        }.ToJsonString();

    /// <summary>Delivers a CloudEvent the way the sidecar does: to the subscription route, with the app token.</summary>
    private async Task<HttpResponseMessage> DeliverAsync(string cloudEvent, string? appToken = SidecarProcess.AppToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/events/notification-requested")
        {
            Content = new StringContent(cloudEvent, Encoding.UTF8, "application/cloudevents+json"),
        };
        if (appToken is not null) request.Headers.Add("dapr-api-token", appToken);
        return await App.Client().SendAsync(request, Ct);
    }

    [Fact]
    public async Task Event_RedeliveredThreeTimes_SendsOneEmail_AndContinuesTheTrace()
    {
        var template = await App.PutTemplateAsync(EmailTemplate("sv", "en"));
        var email = $"{NewId("guardian")}@example.test";
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == Telemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = a => { if (a.TraceId == traceId) spans.Add(a.OperationName); },
        };
        ActivitySource.AddActivityListener(listener);

        var cloudEvent = Event($"pi-1:{NewId("job")}:{template}", template, email, $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        for (var i = 0; i < 3; i++)
        {
            var response = await DeliverAsync(cloudEvent);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("SUCCESS", (string)(await response.JsonAsync())["status"]!);
        }

        // Every delivery has been answered, so once the one notification is delivered nothing else can arrive.
        var mails = await Eventually.Until(() => OutboxAsync($"to={email}"), m => m.Count > 0, "the mail at the sandbox mailbox");
        var mail = Assert.Single(mails);
        Assert.Equal("[sv] Case SKS-2026-000042", (string)mail!["subject"]!);
        Assert.Equal(template, (string)mail["template"]!);
        Assert.Equal("sv", (string)mail["language"]!);
        Assert.Equal("SKS-2026-000042", (string)mail["reference"]!);
        await Eventually.Until(() => Task.FromResult(spans.ToArray()), s => s.Contains("notifications.send"), "the send span");
        Assert.Contains("notifications.request", spans);
    }

    [Fact]
    public async Task Event_PublishedThroughTheSidecar_ArrivesInTheMailbox()
    {
        var template = await App.PutTemplateAsync(EmailTemplate("sv"));
        var email = $"{NewId("guardian")}@example.test";
        using var dapr = Stack.Sidecar.Client();
        var data = JsonNode.Parse(Event($"pi-2:{NewId("job")}:{template}", template, email))!["data"]!.AsObject();
        await dapr.PublishEventAsync("pubsub", "notification-requested", data, Ct);
        // The mailbox gets the HTML; the outbox adds the plain text once the sender has recorded the send.
        var mails = await Eventually.Until(() => OutboxAsync($"to={email}"), m => m.Count > 0 && m[0]!["text"] is not null, "the published notification's mail");
        Assert.Equal("email", (string)mails[0]!["channel"]!);
        Assert.Contains("Hello Anna", (string)mails[0]!["text"]!);
    }

    [Fact]
    public async Task Subscription_WithoutTheAppToken_Returns401()
    {
        var template = await App.PutTemplateAsync(EmailTemplate("sv"));
        var cloudEvent = Event(NewId("n"), template, "x@example.test");
        Assert.Equal(HttpStatusCode.Unauthorized, (await DeliverAsync(cloudEvent, appToken: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DeliverAsync(cloudEvent, appToken: "wrong")).StatusCode);
    }

    [Fact]
    public async Task Event_ForUnknownTemplate_IsAcknowledgedAndRecordedAsFailed()
    {
        var response = await DeliverAsync(Event(NewId("n"), "no-such-template", "x@example.test"));
        Assert.Equal("SUCCESS", (string)(await response.JsonAsync())["status"]!);
        var malformed = await DeliverAsync("""{ "specversion": "1.0", "id": "1", "source": "s", "type": "t", "datacontenttype": "application/json", "data": { "tenantId": "uppsala" } }""");
        Assert.Equal("DROP", (string)(await malformed.JsonAsync())["status"]!);
    }

    [Fact]
    public async Task Post_RetriedWithTheSameKeyOrReference_QueuesOneNotification()
    {
        var template = await App.PutTemplateAsync(EmailTemplate("sv"));
        var email = $"{NewId("guardian")}@example.test";
        var client = App.Client(Tokens.Service());
        var body = $$"""{ "template": "{{template}}", "recipient": { "email": "{{email}}" }, "data": { "name": "Anna" }, "reference": "SKS-2026-000077" }""";
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostJsonAsync("/api/notifications", body);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add((string)(await response.JsonAsync())["id"]!);
        }
        Assert.Single(ids.Distinct());

        var keyed = new HttpRequestMessage(HttpMethod.Post, "/api/notifications") { Content = new StringContent(body.Replace("SKS-2026-000077", "SKS-2026-000078"), Encoding.UTF8, "application/json") };
        keyed.Headers.Add("Idempotency-Key", NewId("key"));
        var first = await (await client.SendAsync(keyed, Ct)).JsonAsync();
        var again = new HttpRequestMessage(HttpMethod.Post, "/api/notifications") { Content = new StringContent(body.Replace("SKS-2026-000077", "SKS-2026-000079"), Encoding.UTF8, "application/json") };
        again.Headers.Add("Idempotency-Key", keyed.Headers.GetValues("Idempotency-Key").Single());
        Assert.Equal((string)first["id"]!, (string)(await (await client.SendAsync(again, Ct)).JsonAsync())["id"]!);

        await App.FinishedAsync(ids[0]);
        await App.FinishedAsync((string)first["id"]!);
        var mails = await OutboxAsync($"to={email}");
        Assert.Equal(2, mails.Count);
        Assert.Equal(["[sv] Case SKS-2026-000077", "[sv] Case SKS-2026-000078"], mails.Select(m => (string)m!["subject"]!).Order().ToArray());
    }

    [Fact]
    public async Task Post_ToAPerson_TakesContactAndLanguageFromIdentity_WithFallback()
    {
        var template = await App.PutTemplateAsync(EmailTemplate("sv", "nb", "en"), "bergen");
        var person = Stack.People.Add("bergen", "nn");
        var response = await App.Client(Tokens.Caseworker("bergen")).PostJsonAsync("/api/notifications",
            $$"""{ "template": "{{template}}", "recipient": { "subject": "{{person.Subject}}" }, "data": { "name": "Kari", "reference": "R-1" } }""");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await App.FinishedAsync((string)(await response.JsonAsync())["id"]!, "bergen");
        Assert.Equal("delivered", (string)status["status"]!);
        Assert.Equal("nb", (string)status["language"]!);
        Assert.Equal(person.Email, (string)status["to"]!);
        var mail = Assert.Single(await OutboxAsync($"to={person.Email}", Tokens.Caseworker("bergen")));
        Assert.Contains("lang=\"nb\"", (string)mail!["html"]!);
        Assert.Contains("Bergen kommune", (string)mail["html"]!);
    }

    [Fact]
    public async Task Post_ToAnUnknownPerson_FailsWithoutRetry()
    {
        var template = await App.PutTemplateAsync(EmailTemplate("sv"));
        var response = await App.Client(Tokens.Caseworker()).PostJsonAsync("/api/notifications",
            $$"""{ "template": "{{template}}", "recipient": { "subject": "nobody-{{NewId()}}" }, "data": { "name": "A", "reference": "R" } }""");
        var status = await App.FinishedAsync((string)(await response.JsonAsync())["id"]!);
        Assert.Equal("failed", (string)status["status"]!);
        Assert.Equal(1, (int)status["attempts"]!);
        Assert.Contains("does not know", (string)status["failureReason"]!);
    }

    [Fact]
    public async Task InApp_AppearsInTheCitizensMessages_AndCanBeMarkedRead()
    {
        var template = await App.PutTemplateAsync("""{ "channel": "inapp", "variants": { "sv": { "subject": "Beslut", "body": "Hej {{ name }}, beslut i {{ reference }}." } } }""");
        var person = Stack.People.Add("uppsala", "sv");
        var response = await App.Client(Tokens.Service()).PostJsonAsync("/api/notifications",
            $$"""{ "template": "{{template}}", "recipient": { "subject": "{{person.Subject}}" }, "data": { "name": "Anna" }, "reference": "R-9" }""");
        var id = (string)(await response.JsonAsync())["id"]!;
        Assert.Equal("delivered", (string)(await App.FinishedAsync(id))["status"]!);

        var citizen = App.Client(Tokens.Citizen(person.Subject));
        var message = Assert.Single(await (await citizen.GetAsync("/api/notifications/mine", Ct)).JsonArrayAsync());
        Assert.Equal("Hej Anna, beslut i R-9.", (string)message!["body"]!);
        Assert.False((bool)message["read"]!);
        Assert.Equal(HttpStatusCode.NoContent, (await citizen.PostAsync($"/api/notifications/mine/{id}/read", null, Ct)).StatusCode);
        Assert.True((bool)(await (await citizen.GetAsync("/api/notifications/mine", Ct)).JsonArrayAsync())[0]!["read"]!);

        var stranger = App.Client(Tokens.Citizen("someone-else"));
        Assert.Empty(await (await stranger.GetAsync("/api/notifications/mine", Ct)).JsonArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/notifications/mine/{id}/read", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Sms_GoesThroughTheBinding_AndIsCaught()
    {
        var template = await App.PutTemplateAsync("""{ "channel": "sms", "variants": { "fi": { "body": "Hei {{ name }}, asia {{ reference }}." } } }""", "tampere");
        var phone = "+358" + Random.Shared.NextInt64(100_000_000, 999_999_999);
        var response = await App.Client(Tokens.Caseworker("tampere")).PostJsonAsync("/api/notifications",
            $$"""{ "template": "{{template}}", "recipient": { "phone": "{{phone}}" }, "data": { "name": "Aino" }, "reference": "T-1" }""");
        var id = (string)(await response.JsonAsync())["id"]!;
        Assert.Equal("sent", (string)(await App.FinishedAsync(id, "tampere"))["status"]!);
        var file = await File.ReadAllTextAsync(Path.Combine(Stack.Sidecar.SmsFolder, $"{id}.json"), Ct);
        Assert.Equal("Hei Aino, asia T-1.", (string)JsonNode.Parse(file)!["text"]!);
        var caught = Assert.Single(await OutboxAsync($"channel=sms&to={Uri.EscapeDataString(phone)}", Tokens.Caseworker("tampere")));
        Assert.Equal("Hei Aino, asia T-1.", (string)caught!["text"]!);
    }

    [Fact]
    public async Task Outbox_IsTenantScoped()
    {
        var template = await App.PutTemplateAsync(EmailTemplate("sv"));
        var email = $"{NewId("guardian")}@example.test";
        var response = await App.Client(Tokens.Caseworker()).PostJsonAsync("/api/notifications",
            $$"""{ "template": "{{template}}", "recipient": { "email": "{{email}}" }, "data": { "name": "A", "reference": "R" } }""");
        var id = (string)(await response.JsonAsync())["id"]!;
        await App.FinishedAsync(id);
        await Eventually.Until(() => OutboxAsync($"to={email}"), m => m.Count == 1, "the mail");

        Assert.Empty(await OutboxAsync($"to={email}", Tokens.Caseworker("bergen")));
        Assert.Equal(HttpStatusCode.Forbidden, (await App.Client(Tokens.Caseworker("bergen")).GetAsync("/api/notifications/sandbox/outbox?tenant=uppsala", Ct)).StatusCode);
        Assert.Single(await OutboxAsync($"tenant=uppsala&to={email}", Tokens.PlatformAdmin()));
        Assert.Equal(HttpStatusCode.Forbidden, (await App.Client(Tokens.Citizen("c-1")).GetAsync("/api/notifications/sandbox/outbox", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Client(Tokens.Caseworker("bergen")).GetAsync($"/api/notifications/{id}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("""{ "recipient": { "email": "a@example.test" }, "data": {} }""", "template")]
    [InlineData("""{ "template": "TEMPLATE", "data": {} }""", "recipient")]
    [InlineData("""{ "template": "TEMPLATE", "recipient": { "email": "not-an-address" }, "data": {} }""", "recipient")]
    [InlineData("""{ "template": "TEMPLATE", "recipient": { "phone": "12" }, "data": {} }""", "recipient")]
    [InlineData("""{ "template": "TEMPLATE", "language": "de", "recipient": { "email": "a@example.test" }, "data": {} }""", "language")]
    [InlineData("""{ "template": "no-such-template", "recipient": { "email": "a@example.test" }, "data": {} }""", "template")]
    public async Task Post_BadInput_Returns400Problem(string body, string field)
    {
        var template = await App.PutTemplateAsync(EmailTemplate("sv"));
        var response = await App.Client(Tokens.Caseworker()).PostJsonAsync("/api/notifications", body.Replace("TEMPLATE", template));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.JsonAsync())["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task Post_MissingVariables_Returns400NamingThem_AndAsCitizenIsForbidden()
    {
        var template = await App.PutTemplateAsync(EmailTemplate("sv", "en"));
        var body = $$"""{ "template": "{{template}}", "language": "en", "recipient": { "email": "a@example.test" }, "data": { } }""";
        var response = await App.Client(Tokens.Caseworker()).PostJsonAsync("/api/notifications", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["reference", "name"], (await response.JsonAsync())["missingVariables"]!.AsArray().Select(n => (string)n!).ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await App.Client(Tokens.Citizen("c-1")).PostJsonAsync("/api/notifications", body)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Client(Tokens.Caseworker()).PostJsonAsync("/api/notifications", "[1, 2")).StatusCode);
    }
}

public sealed class SqliteSendingApiTests(SqliteStackFixture fixture) : SendingApiTests(fixture), IClassFixture<SqliteStackFixture>;

public sealed class PostgresSendingApiTests(PostgresStackFixture fixture) : SendingApiTests(fixture), IClassFixture<PostgresStackFixture>;
