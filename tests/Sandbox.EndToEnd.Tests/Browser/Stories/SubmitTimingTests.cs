namespace Sandbox.EndToEnd.Tests.Browser.Stories;

/// <summary>
/// How long a submitted application takes to reach the caseworker's inbox and the outbox, timed from
/// the click on send. Written to the run summary (p50, min, max), never asserted. One run by default;
/// <c>SANDBOX_MEASURE=1</c> makes it 20 (or <c>SANDBOX_MEASURE_RUNS</c>) for the figure the pilot reports.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class SubmitTimingTests(SandboxApp sandbox, ChromiumBrowser chromium) : SchoolTransportStory(sandbox, chromium)
{
    private static int Runs =>
        int.TryParse(Environment.GetEnvironmentVariable("SANDBOX_MEASURE_RUNS"), out var runs) && runs > 0 ? runs
        : Environment.GetEnvironmentVariable("SANDBOX_MEASURE") == "1" ? 20 : 1;

    [Fact]
    public async Task SubmitToTaskAndEmail_Timed()
    {
        var caseworker = await StaffAsync("bergen-caseworker");
        var admin = await StaffAsync("bergen-admin", "/design/outbox");
        var citizen = await GuardianAtTheApplicationAsync();

        for (var run = 0; run < Runs; run++)
        {
            if (run > 0) await citizen.GotoAsync($"/apply/{StartForm}/1");
            var submitted = await ApplyAsync(citizen, screenshots: false);
            var task = MeasureAsync(submitted, "submit → caseworker task visible", () => WaitForTaskAsync(caseworker, submitted.Reference));
            var email = MeasureAsync(submitted, "submit → email in outbox", () => WaitForEmailAsync(admin, submitted.Reference));
            await Task.WhenAll(task, email);
        }
    }
}
