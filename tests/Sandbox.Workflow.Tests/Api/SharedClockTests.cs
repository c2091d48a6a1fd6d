using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sandbox.Testing;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

/// <summary>The sandbox clock is stored for the whole service: replicas on one database share it and a restart keeps it.</summary>
public sealed class SharedClockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoReplicas_AdvanceOnOne_TheOtherReadsItAndFiresTheTimerDueThen()
    {
        Prerequisite.Require(PostgresServer.MissingReason());
        await using var server = await PostgresServer.StartAsync();
        var database = server.ConnectionString("workflow_" + Guid.NewGuid().ToString("n")[..8]);
        // Only the second replica looks for due timers, so the firing shows that it reads the moved clock.
        await using var first = WorkflowApp.Start(database, settings: new Dictionary<string, string?> { ["Sandbox:Workflow:TimerPollInterval"] = "01:00:00" });
        await using var second = WorkflowApp.Start(database);
        var viaFirst = new TestTenant(first);
        var viaSecond = new TestTenant(second, viaFirst.Id);
        await viaSecond.DeployAsync(Models.TimerThenJob("reminder", "P14D", "remind"));
        var id = (await viaSecond.StartAsync("reminder")).Str("id");

        using var designer = viaFirst.Designer();
        var moved = await designer.PostAsJsonAsync("sandbox/clock", new { advance = "P15D" }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        // The second replica's timers read its refreshed copy of the clock (nobody asked it for the time yet).
        JsonArray jobs = [];
        for (var attempt = 0; attempt < 200 && jobs.Count == 0; attempt++)
        {
            await Task.Delay(50, Ct);
            jobs = await viaSecond.ActivateAsync("remind");
        }
        Assert.Equal(id, jobs.Single().Str("instanceId"));

        using var otherDesigner = viaSecond.Designer();
        var seen = (await otherDesigner.GetFromJsonAsync<JsonObject>("sandbox/clock", Ct))!;
        Assert.Equal(TimeSpan.FromDays(15), Offset(seen));
        Assert.Equal("designer-" + viaFirst.Id, seen.Str("changedBy"));
        Assert.True(DateTimeOffset.Parse(seen.Str("now"), CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddDays(14));

        var reset = await otherDesigner.PostAsJsonAsync("sandbox/clock", new { reset = true }, Ct);
        Assert.Equal(TimeSpan.Zero, Offset(await Json.ObjectAsync(reset)));
        Assert.Equal(TimeSpan.Zero, Offset((await designer.GetFromJsonAsync<JsonObject>("sandbox/clock", Ct))!));
    }

    [Fact]
    public async Task Restart_KeepsTheOffset_AndResetClearsIt()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sandbox-workflow-clock-" + Guid.NewGuid().ToString("n")[..10]);
        try
        {
            string tenantId;
            await using (var before = WorkflowApp.Start(dataPath: folder))
            {
                var tenant = new TestTenant(before);
                tenantId = tenant.Id;
                using var designer = tenant.Designer();
                Assert.Equal(HttpStatusCode.OK, (await designer.PostAsJsonAsync("sandbox/clock", new { advance = "P2D" }, Ct)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await designer.PostAsJsonAsync("sandbox/clock", new { advance = "PT3H" }, Ct)).StatusCode);
            }

            await using var after = WorkflowApp.Start(dataPath: folder);
            using var again = new TestTenant(after, tenantId).Designer();
            var read = (await again.GetFromJsonAsync<JsonObject>("sandbox/clock", Ct))!;
            Assert.Equal(TimeSpan.FromHours(51), Offset(read));
            // The replica's own clock (what timers read) has the stored offset from the start.
            Assert.Equal(TimeSpan.FromHours(51), after.Services.GetRequiredService<Sandbox.Workflow.Runtime.SandboxClock>().Offset);

            var reset = await again.PostAsJsonAsync("sandbox/clock", new { reset = true }, Ct);
            Assert.Equal(TimeSpan.Zero, Offset(await Json.ObjectAsync(reset)));
            Assert.Equal(TimeSpan.Zero, after.Services.GetRequiredService<Sandbox.Workflow.Runtime.SandboxClock>().Offset);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static TimeSpan Offset(JsonObject view) => TimeSpan.Parse(view.Str("offset"), CultureInfo.InvariantCulture);
}
