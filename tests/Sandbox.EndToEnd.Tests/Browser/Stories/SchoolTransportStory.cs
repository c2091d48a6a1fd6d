using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sandbox.EndToEnd.Tests.Browser.Stories;

/// <summary>
/// The steps of the school transport pilot as people take them in the portal, in Norwegian, in
/// Bergen: a guardian applies, staff find the task and decide, and what the sandbox sent is in its
/// outbox. Each page a citizen or caseworker sees is screenshotted and checked with axe.
/// </summary>
public abstract class SchoolTransportStory(SandboxApp sandbox, ChromiumBrowser chromium) : BrowserTest(sandbox, chromium)
{
    /// <summary>The municipality of the stories and its name in Norwegian.</summary>
    protected const string Tenant = "bergen";
    protected const string TenantName = "Bergen kommune";

    /// <summary>The e-service as the municipality page names it in Norwegian, and its start form.</summary>
    protected const string EServiceName = "Skoleskyss";
    protected const string StartForm = "school-transport-application";

    /// <summary>Answers a guardian with a medical reason picks; and a caseworker's approving decision.</summary>
    protected static readonly string[] MedicalReason = ["medical", "medisin"];
    protected static readonly string[] Approval = ["approve", "innvilg"];

    /// <summary>
    /// Home and school half a kilometre apart by the distance-check plugin's synthetic measure: below every
    /// municipality's limit, so the medical reason, not the distance, decides that a caseworker reviews.
    /// </summary>
    protected static readonly Dictionary<string, string> ShortWayToSchool = new() { ["address"] = "Kaigaten 5", ["school"] = "Bergen katedralskole" };

    /// <summary>A case that was just submitted, and when (for the timings).</summary>
    protected sealed record Submitted(string Reference, Stopwatch SinceSubmit);

    /// <summary>A signed-in person in Norwegian, landed on <paramref name="returnUrl"/>.</summary>
    protected async Task<IPage> StaffAsync(string userName, string returnUrl = "/work")
    {
        var page = await OpenPageAsync("nb");
        await SignIn.AsStaffAsync(page, userName, returnUrl);
        return page;
    }

    /// <summary>
    /// A guardian in Bergen: start page → municipality → start the e-service → sign in with ID-porten as
    /// the first guardian listed → the first page of the application.
    /// </summary>
    protected async Task<IPage> GuardianAtTheApplicationAsync()
    {
        var page = await OpenPageAsync("nb");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = TenantName, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(TenantName);
        await VisitedAsync(page, "citizen-municipality");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Start {EServiceName}" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/identity/login", StringComparison.Ordinal));
        await SignIn.CitizenFromChooserAsync(page, "idporten");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/apply/{StartForm}(/1)?$"));
        return page;
    }

    /// <summary>
    /// Fills the application page by page (medical reason, the doctor's statement attached), checks the
    /// answers and sends; returns the receipt's reference with a stopwatch started at the click on send.
    /// </summary>
    protected async Task<Submitted> ApplyAsync(IPage page, bool screenshots = true)
    {
        var filler = new FormFiller(MedicalReason, FormFiller.DoctorsStatement, ShortWayToSchool);
        for (var round = 0; !new Uri(page.Url).AbsolutePath.EndsWith("/check", StringComparison.Ordinal); round++)
        {
            Assert.True(round < 15, $"the application did not reach check-your-answers; at {page.Url}");
            var form = page.Locator("main form[method=post]").First;
            await filler.FillAsync(page, form, "f.");
            if (screenshots) await VisitedAsync(page, $"citizen-application-{round + 1}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Fortsett", Exact = true }).ClickAsync();
            await page.WaitForLoadStateAsync();
        }
        await Expect(page.GetByText(FormFiller.DoctorsStatement.Name).First).ToBeVisibleAsync();
        if (screenshots) await VisitedAsync(page, "citizen-check-answers");

        var sinceSubmit = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send søknaden", Exact = true }).ClickAsync();
        var reference = (await page.Locator("#reference").TextContentAsync())?.Trim();
        Assert.False(string.IsNullOrEmpty(reference), "the receipt shows a reference");
        if (screenshots) await VisitedAsync(page, "citizen-receipt");
        return new Submitted(reference!, sinceSubmit);
    }

    /// <summary>The open task of the case with <paramref name="reference"/> in a staff member's task list (the API behind the inbox).</summary>
    protected static Task<JsonElement?> FindTaskAsync(IPage staff, string reference, string? group = null) =>
        FirstAsync(staff, group is null ? "/api/workflow/tasks?pageSize=200" : $"/api/workflow/tasks?pageSize=200&candidateGroup={group}",
            item => item.TryGetProperty("reference", out var r) && r.GetString() == reference);

    /// <summary>An email of the case with <paramref name="reference"/> in the tenant's sandbox outbox.</summary>
    protected static Task<JsonElement?> FindEmailAsync(IPage staff, string reference, Func<JsonElement, bool>? also = null) =>
        FirstAsync(staff, $"/api/notifications/sandbox/outbox?tenant={Tenant}&channel=email",
            item => item.TryGetProperty("reference", out var r) && r.GetString() == reference && (also?.Invoke(item) ?? true));

    /// <summary>Waits for the case's task to reach the staff member's list; returns it.</summary>
    protected static async Task<JsonElement> WaitForTaskAsync(IPage staff, string reference, string? group = null, TimeSpan? limit = null) =>
        await Poll.UntilValueAsync($"a task of {reference}", () => FindTaskAsync(staff, reference, group), limit);

    /// <summary>Waits for an email of the case in the outbox; returns it.</summary>
    protected static async Task<JsonElement> WaitForEmailAsync(IPage staff, string reference, Func<JsonElement, bool>? also = null) =>
        await Poll.UntilValueAsync($"an email of {reference}", () => FindEmailAsync(staff, reference, also));

    /// <summary>Waits for <paramref name="until"/>, then writes the time since the submit to the run summary (never asserted).</summary>
    protected static async Task MeasureAsync(Submitted submitted, string measure, Func<Task> until)
    {
        await until();
        RunSummary.Add(new RunSummary.TimingRow(Artifacts.CurrentTestName(), measure, submitted.SinceSubmit.Elapsed.TotalMilliseconds));
    }

    /// <summary>Reloads a page until <paramref name="locator"/> shows; a list fed by events may lag a moment.</summary>
    protected static async Task ReloadUntilVisibleAsync(IPage page, ILocator locator, TimeSpan? limit = null)
    {
        await Poll.UntilAsync($"{locator} on {page.Url}", async () =>
        {
            if (await locator.CountAsync() > 0) return "";
            await page.ReloadAsync();
            return null;
        }, limit);
        await Expect(locator.First).ToBeVisibleAsync();
    }

    private static async Task<JsonElement?> FirstAsync(IPage staff, string url, Func<JsonElement, bool> match)
    {
        var response = await staff.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"{url} answered {response.Status}: {await response.TextAsync()}");
        var json = await response.JsonAsync();
        var items = json is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("items", out var list) ? list : json!.Value;
        foreach (var item in items.EnumerateArray())
        {
            if (match(item)) return item.Clone();
        }
        return null;
    }
}
