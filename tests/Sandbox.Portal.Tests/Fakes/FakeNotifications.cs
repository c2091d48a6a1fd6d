namespace Sandbox.Portal.Tests.Fakes;

/// <summary>Notifications per CONTRACTS: one in-app message and one e-mail in the outbox.</summary>
public sealed class FakeNotifications : FakeService
{
    public List<string> MarkedRead { get; } = [];

    public FakeNotifications()
    {
        On(HttpMethod.Get, "/api/notifications/mine", (_, _) => Json(new[]
        {
            new { id = "m1", subject = "Søknaden er mottatt", body = "Vi har mottatt søknaden din.", createdAt = FakeWorkflow.Now, read = false },
        }));
        On(HttpMethod.Post, "/api/notifications/mine/([^/]+)/read", (_, m) =>
        {
            MarkedRead.Add(m.Groups[1].Value);
            return new HttpResponseMessage(System.Net.HttpStatusCode.NoContent);
        });
        On(HttpMethod.Get, "/api/notifications/sandbox/outbox", (_, _) => Json(new[]
        {
            new { id = "o1", channel = "email", to = "kari@example.test", subject = "Vedtak: innvilget", text = "Søknaden er innvilget.", html = "<p>x</p>",
                  sentAt = FakeWorkflow.Now, template = "application-approved", language = "nb", reference = "ST-2026-0042" },
        }));
    }
}
