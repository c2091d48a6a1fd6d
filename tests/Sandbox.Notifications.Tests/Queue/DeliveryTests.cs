using System.Net;
using Sandbox.Notifications.Tests.Infrastructure;
using static Sandbox.Notifications.Tests.Infrastructure.Http;

namespace Sandbox.Notifications.Tests.Queue;

/// <summary>Sending through the sidecar's smtp binding to a scripted SMTP server.</summary>
public sealed class DeliveryTests(ScriptedSmtpFixture fixture) : IClassFixture<ScriptedSmtpFixture>
{
    private TestStack Stack => fixture.Stack;
    private NotificationsApp App => fixture.Stack.App;

    private async Task<string> SendAsync(string template, string email)
    {
        var response = await App.Client(Tokens.Service()).PostJsonAsync("/api/notifications",
            $$"""{ "template": "{{template}}", "recipient": { "email": "{{email}}" }, "data": { "name": "Anna", "reference": "R-1" } }""");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.JsonAsync())["id"]!;
    }

    [Fact]
    public async Task ServerFailingTwiceThenAccepting_GetsTheMailOnTheThirdAttempt()
    {
        var template = await App.PutTemplateAsync(EmailTemplate("sv"));
        var email = $"flaky2-{NewId("x")}@example.test";
        var id = await SendAsync(template, email);
        var status = await App.FinishedAsync(id);
        Assert.Equal("sent", (string)status["status"]!);
        Assert.Equal(3, (int)status["attempts"]!);
        Assert.Equal(3, Stack.Smtp!.Attempts[email]);
        var mail = Assert.Single(Stack.Smtp.Accepted, m => m.To == email);
        Assert.Equal(Guid.Parse(id), mail.NotificationId);
    }

    [Fact]
    public async Task RejectedAddress_FailsAtOnce_WithTheServersReason()
    {
        var template = await App.PutTemplateAsync(EmailTemplate("sv"));
        var email = $"reject-{NewId("x")}@example.test";
        var status = await App.FinishedAsync(await SendAsync(template, email));
        Assert.Equal("failed", (string)status["status"]!);
        Assert.Equal(1, (int)status["attempts"]!);
        Assert.Contains("5.1.1", (string)status["failureReason"]!);
        Assert.Equal(1, Stack.Smtp!.Attempts[email]);
        Assert.DoesNotContain(Stack.Smtp.Accepted, m => m.To == email);
    }
}
