using System.Net;
using System.Net.Mail;
using Sandbox.Notifications.Tests.Infrastructure;
using static Sandbox.Notifications.Tests.Infrastructure.Http;

namespace Sandbox.Notifications.Tests.Queue;

/// <summary>A notification's mail arriving at the sandbox mailbox again, as after a crash between hand-over and status.</summary>
public sealed class MailboxRepeatTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    private NotificationsApp App => fixture.Stack.App;

    [Fact]
    public async Task SameNotificationToTheSameRecipientAgain_IsKeptOnce_AnotherRecipientIsKept()
    {
        var template = await App.PutTemplateAsync(EmailTemplate("sv"));
        var email = $"{NewId("again")}@example.test";
        var response = await App.Client(Tokens.Service()).PostJsonAsync("/api/notifications",
            $$"""{ "template": "{{template}}", "recipient": { "email": "{{email}}" }, "data": { "name": "Anna" }, "reference": "R-9" }""");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (string)(await response.JsonAsync())["id"]!;
        await App.FinishedAsync(id);
        var first = Assert.Single(await OutboxAsync(email));
        var html = (string)first!["html"]!;

        var other = $"{NewId("other")}@example.test";
        using var smtp = new SmtpClient("127.0.0.1", fixture.Stack.SinkPort!.Value);
        foreach (var to in new[] { email, other })
            await smtp.SendMailAsync(new MailMessage("no-reply@sandbox.test", to, (string)first["subject"]!, html) { IsBodyHtml = true }, Ct);

        Assert.Single(await OutboxAsync(email));
        var copy = Assert.Single(await OutboxAsync(other));
        // Filed under the notification, like the first.
        Assert.Equal("R-9", (string)copy!["reference"]!);
    }

    private async Task<System.Text.Json.Nodes.JsonArray> OutboxAsync(string to) =>
        await (await App.Client(Tokens.Caseworker()).GetAsync($"/api/notifications/sandbox/outbox?to={Uri.EscapeDataString(to)}", Ct)).JsonArrayAsync();
}
