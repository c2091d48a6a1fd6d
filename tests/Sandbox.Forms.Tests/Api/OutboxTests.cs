using System.Net;
using Sandbox.Forms.Tests.Infrastructure;
using static Sandbox.Forms.Tests.Infrastructure.Http;

namespace Sandbox.Forms.Tests.Api;

public class OutboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Event_RefusedByPubSub_IsDeliveredLater()
    {
        await using var app = FormsApp.Start();
        var formId = NewFormId();
        await app.Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions", SampleForm(formId));
        app.Events.Refuse = true;

        var response = await app.Client(Tokens.Citizen("persona-outbox")).PostJsonAsync($"/api/forms/{formId}/submissions", """{ "name": "A", "age": 2 }""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (string)(await response.JsonAsync())["id"]!;
        await Task.Delay(500, Ct);
        Assert.Empty(app.Events.Published);

        app.Events.Refuse = false;
        await app.Events.WaitForAsync(e => e.Payload.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Event_RefusedEveryTime_DoesNotHoldBackTheEventsBehindIt()
    {
        await using var app = FormsApp.Start();
        var formId = NewFormId();
        await app.Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions", SampleForm(formId));
        app.Events.Poisoned = payload => payload.Contains("poisoned", StringComparison.Ordinal);

        var citizen = app.Client(Tokens.Citizen("persona-poison"));
        await citizen.PostJsonAsync($"/api/forms/{formId}/submissions", """{ "name": "poisoned", "age": 2 }""");
        var response = await citizen.PostJsonAsync($"/api/forms/{formId}/submissions", """{ "name": "healthy", "age": 2 }""");
        var id = (string)(await response.JsonAsync())["id"]!;

        await app.Events.WaitForAsync(e => e.Payload.Contains(id, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Events.Published, e => e.Payload.Contains("poisoned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Event_CommittedBeforeAStop_IsDeliveredAfterTheNextStart()
    {
        var data = Path.Combine(Path.GetTempPath(), "sandbox-forms-" + Guid.NewGuid().ToString("n")[..10]);
        try
        {
            var formId = NewFormId();
            string id;
            await using (var first = FormsApp.Start(dataPath: data))
            {
                first.Events.Refuse = true;
                await first.Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions", SampleForm(formId));
                var response = await first.Client(Tokens.Citizen("persona-restart")).PostJsonAsync($"/api/forms/{formId}/submissions", """{ "name": "A", "age": 2 }""");
                id = (string)(await response.JsonAsync())["id"]!;
            }
            await using var second = FormsApp.Start(dataPath: data);
            await second.Events.WaitForAsync(e => e.Payload.Contains(id, StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }
}
