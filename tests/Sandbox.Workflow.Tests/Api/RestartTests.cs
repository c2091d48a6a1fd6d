using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

public sealed class RestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Restart_InstanceGoesOnAndItsTimerStillFires()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sandbox-workflow-restart-" + Guid.NewGuid().ToString("n")[..10]);
        try
        {
            string id, tenantId, jobKey;
            await using (var before = WorkflowApp.Start(dataPath: folder))
            {
                var tenant = new TestTenant(before);
                tenantId = tenant.Id;
                await tenant.DeployAsync(Models.JobThenTask("permit", "check"));
                id = (await tenant.StartAsync("permit")).Str("id");
                jobKey = (await tenant.ActivateAsync("check", timeout: 1)).Single()!["key"]!.ToJsonString();
                await tenant.DeployAsync(Models.TimerThenJob("reminder", "PT2S", "remind"));
                var reminder = (await tenant.StartAsync("reminder")).Str("id");
                Assert.Equal(["wait"], (await tenant.InstanceAsync(reminder))["activeElementIds"]!.AsArray().Select(e => e!.GetValue<string>()));
            }

            await using var after = WorkflowApp.Start(dataPath: folder);
            var same = new TestTenant(after, tenantId);
            using var worker = same.Worker();
            Assert.Equal(HttpStatusCode.NoContent, (await worker.PostAsJsonAsync($"jobs/{jobKey}/complete", new { }, Ct)).StatusCode);
            Assert.Equal(["decide"], (await same.InstanceAsync(id))["activeElementIds"]!.AsArray().Select(e => e!.GetValue<string>()));
            JsonArray jobs = [];
            for (var attempt = 0; attempt < 200 && jobs.Count == 0; attempt++)
            {
                await Task.Delay(50, Ct);
                jobs = await same.ActivateAsync("remind");
            }
            Assert.Single(jobs);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
