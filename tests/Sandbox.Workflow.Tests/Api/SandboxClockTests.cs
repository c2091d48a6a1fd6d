using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

// Its own app: moving the clock would change the other classes' timers and job locks.
public sealed class SandboxClockTests(SqliteWorkflowFixture fixture) : IClassFixture<SqliteWorkflowFixture>
{
    private WorkflowApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Advance_FourteenDays_FiresTheTimerDueThen()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.TimerThenJob("reminder", "P14D", "remind"));
        var id = (await tenant.StartAsync("reminder")).Str("id");
        using var designer = tenant.Designer();
        await Task.Delay(200, Ct);
        Assert.Empty(await tenant.ActivateAsync("remind"));

        var moved = await designer.PostAsJsonAsync("sandbox/clock", new { advance = "P15D" }, Ct);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(TimeSpan.FromDays(15), TimeSpan.Parse((await Json.ObjectAsync(moved)).Str("offset"), System.Globalization.CultureInfo.InvariantCulture));
        JsonArray jobs = [];
        for (var attempt = 0; attempt < 100 && jobs.Count == 0; attempt++)
        {
            await Task.Delay(50, Ct);
            jobs = await tenant.ActivateAsync("remind");
        }
        Assert.Equal(id, jobs.Single().Str("instanceId"));

        var reset = await designer.PostAsJsonAsync("sandbox/clock", new { reset = true }, Ct);
        Assert.Equal("00:00:00", (await Json.ObjectAsync(reset)).Str("offset"));
    }

    [Theory]
    [InlineData("{\"advance\": \"fortnight\"}")]
    [InlineData("{\"advance\": \"-P1D\"}")]
    [InlineData("{}")]
    public async Task Move_BadDuration_Returns400(string body)
    {
        using var designer = new TestTenant(App).Designer();
        var response = await designer.PostAsync("sandbox/clock", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Move_AsCaseworker_Returns403()
    {
        using var caseworker = new TestTenant(App).Caseworker();
        var response = await caseworker.PostAsJsonAsync("sandbox/clock", new { advance = "P1D" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
