using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.EServices;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

/// <summary>The service is stopped between steps, with timers due and pushed jobs unanswered; the next start finishes every instance once.</summary>
public sealed class CrashTests
{
    private const int Instances = 12;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> ShortLocks = new()
    {
        ["Sandbox:Workflow:JobPushLockTimeout"] = "00:00:30",
        ["Sandbox:Workflow:JobPushParallelism"] = "32",
        // Timers and events the stopped process had claimed are taken over once its lease runs out.
        ["Sandbox:Workflow:LeaseTimeout"] = "00:00:02",
    };

    [Fact]
    public async Task StoppedMidRun_InstancesResumeAfterTheRestart_AndNoStepIsDoneTwice()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sandbox-workflow-crash-" + Guid.NewGuid().ToString("n")[..10]);
        try
        {
            string tenantId;
            var ids = new List<string>();
            await using (var before = WorkflowApp.Start(dataPath: folder, settings: ShortLocks))
            {
                var tenant = new TestTenant(before);
                tenantId = tenant.Id;
                before.Catalog.Routes[(tenant.Id, "lookup")] = new JobRoute("registry", "jobs/lookup");
                before.PushedJobs.Hang = true;
                await tenant.DeployAsync(Models.TimerThenJob("crash", "PT0.3S", "lookup"));
                await tenant.DeployAsync(PilotModels.TimerThenEnd("later", "PT2S"));
                for (var i = 0; i < Instances; i++)
                {
                    ids.Add((await tenant.StartAsync("crash")).Str("id"));
                    ids.Add((await tenant.StartAsync("later")).Str("id"));
                }
                // Stop once every pushed job has reached the app, whose answers never come back.
                int Pushed() => before.PushedJobs.Calls.Select(c => c.Job.Key).Distinct().Count();
                for (var attempt = 0; attempt < 400 && Pushed() < Instances; attempt++) await Task.Delay(25, Ct);
                Assert.Equal(Instances, Pushed());
            }

            await using var after = WorkflowApp.Start(dataPath: folder, settings: ShortLocks);
            var same = new TestTenant(after, tenantId);
            // Rather than wait out the locks of the stopped process, move the new one's clock past them.
            using (var designer = same.Designer())
            {
                (await designer.PostAsJsonAsync("sandbox/clock", new { advance = "PT1M" }, Ct)).EnsureSuccessStatusCode();
            }
            for (var attempt = 0; attempt < 600; attempt++)
            {
                if (await after.ReadAsync(db => db.Instances.CountAsync(i => ids.Contains(i.Id) && i.Status != "completed", Ct)) == 0) break;
                await Task.Delay(50, Ct);
            }

            foreach (var id in ids) Assert.Equal("completed", (await same.InstanceAsync(id)).Str("status"));
            var left = await after.ReadAsync(db => db.History.Where(h => ids.Contains(h.InstanceId) && h.Event == "left")
                .Select(h => new { h.InstanceId, h.ElementId }).ToListAsync(Ct));
            Assert.All(left.GroupBy(h => (h.InstanceId, h.ElementId)), g => Assert.Single(g));
            Assert.Equal(Instances, left.Count(h => h.ElementId == "work"));
            Assert.Equal(2 * Instances, left.Count(h => h.ElementId == "wait"));
            // Each unanswered job was pushed again by the new process: delivery is at least once, the step exactly once.
            Assert.Equal(Instances, after.PushedJobs.Calls.Select(c => c.Job.Key).Distinct().Count());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
