using System.Net;
using Sandbox.Notifications.Tests.Infrastructure;
using static Sandbox.Notifications.Tests.Infrastructure.Http;

namespace Sandbox.Notifications.Tests.Queue;

public sealed class RestartTests
{
    /// <summary>
    /// Thirty mails queued, sent one at a time; the service stops once the first few have arrived and starts again on
    /// the same database. Whatever was in the queue at the stop, every mail arrives exactly once.
    /// </summary>
    [Fact]
    public async Task StopMidQueue_AndRestart_SendsEveryMailExactlyOnce()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sandbox:Notifications:BatchSize"] = "1",
            ["Sandbox:Notifications:MaxParallelSends"] = "1",
        };
        await using var stack = await TestStack.StartAsync(ownMailbox: false, extra: settings);
        var smtp = stack.Smtp!;
        var template = await stack.App.PutTemplateAsync(EmailTemplate("sv"));
        var run = NewId("r");
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var response = await stack.App.Client(Tokens.Service()).PostJsonAsync("/api/notifications",
                $$"""{ "template": "{{template}}", "recipient": { "email": "m{{i}}-{{run}}@example.test" }, "data": { "name": "N{{i}}", "reference": "R-{{i}}" } }""");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add((string)(await response.JsonAsync())["id"]!);
        }
        bool Mine(ReceivedMail m) => m.To.EndsWith($"-{run}@example.test", StringComparison.Ordinal);
        await Eventually.Until(() => Task.FromResult(smtp.Accepted.Count(Mine)), n => n >= 3, "the first mails");

        await stack.StopAppAsync();
        TestContext.Current.SendDiagnosticMessage($"{smtp.Accepted.Count(Mine)} of 30 mails had arrived at the stop");
        await stack.RestartAsync();

        // A send cut off by the stop is taken up again once its lease (2 minutes) has run out: wait past that.
        foreach (var id in ids)
        {
            var finished = await Eventually.Until(() => stack.App.StatusAsync(id), s => s["status"]?.GetValue<string>() is "sent" or "delivered" or "failed",
                $"notification {id} to be sent or failed", seconds: 200);
            Assert.Contains((string)finished["status"]!, new[] { "sent", "delivered" });
        }
        var mails = smtp.Accepted.Where(Mine).ToList();
        Assert.Equal(30, mails.Count);
        Assert.Equal(ids.Select(Guid.Parse).Order(), mails.Select(m => m.NotificationId!.Value).Order());
    }
}
