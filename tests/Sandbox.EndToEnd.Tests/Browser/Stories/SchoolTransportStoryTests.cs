using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sandbox.EndToEnd.Tests.Browser.Stories;

/// <summary>
/// The pilot's three stories in a real browser: a guardian in Bergen applies for school transport
/// with a medical reason and a doctor's statement; a caseworker approves; the deadline passes and the
/// team lead gets the task; a caseworker of another municipality never sees the case.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class SchoolTransportStoryTests(SandboxApp sandbox, ChromiumBrowser chromium) : SchoolTransportStory(sandbox, chromium)
{
    [Fact]
    public async Task Guardian_Applies_CaseworkerApproves_GuardianSeesApproved_AndTheEmailIsInTheOutbox()
    {
        var caseworker = await StaffAsync("bergen-caseworker");
        var admin = await StaffAsync("bergen-admin", "/design/outbox");
        var citizen = await GuardianAtTheApplicationAsync();

        var submitted = await ApplyAsync(citizen);
        var taskVisible = MeasureAsync(submitted, "submit → caseworker task visible", () => WaitForTaskAsync(caseworker, submitted.Reference));
        var emailVisible = MeasureAsync(submitted, "submit → email in outbox", () => WaitForEmailAsync(admin, submitted.Reference));
        await Task.WhenAll(taskVisible, emailVisible);

        await caseworker.GotoAsync("/work");
        var row = caseworker.Locator("#inbox tr", new() { HasText = submitted.Reference });
        await ReloadUntilVisibleAsync(caseworker, row);
        await VisitedAsync(caseworker, "caseworker-inbox");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(caseworker.GetByRole(AriaRole.Main)).ToContainTextAsync(submitted.Reference);
        await Expect(caseworker.GetByRole(AriaRole.Link, new() { Name = FormFiller.DoctorsStatement.Name })).ToBeVisibleAsync();
        await VisitedAsync(caseworker, "caseworker-task");
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Ta oppgaven", Exact = true }).ClickAsync();
        var decision = caseworker.Locator("form", new() { Has = caseworker.GetByRole(AriaRole.Button, new() { Name = "Fullfør oppgaven" }) });
        await new FormFiller(Approval, null).FillAsync(caseworker, decision, "r.");
        await VisitedAsync(caseworker, "caseworker-decision");
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Fullfør oppgaven" }).ClickAsync();
        await Expect(caseworker.GetByRole(AriaRole.Heading, new() { Name = "Oppgaven er fullført" })).ToBeVisibleAsync();
        await VisitedAsync(caseworker, "caseworker-done");

        await citizen.GetByRole(AriaRole.Link, new() { Name = "Mine saker" }).First.ClickAsync();
        var approved = citizen.Locator("tr", new() { HasText = submitted.Reference }).Locator("[data-status='approved']");
        await ReloadUntilVisibleAsync(citizen, approved);
        await Expect(approved).ToHaveTextAsync("Innvilget");
        await VisitedAsync(citizen, "citizen-my-cases-approved");
        await citizen.Locator("tr", new() { HasText = submitted.Reference }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(citizen.Locator("#case-status")).ToHaveTextAsync("Innvilget");
        await VisitedAsync(citizen, "citizen-case-approved");

        var approvalEmail = await WaitForEmailAsync(admin, submitted.Reference,
            e => e.GetProperty("template").GetString() == "approved-email");
        var me = (await (await citizen.APIRequest.GetAsync("/identity/me")).JsonAsync())!.Value;
        Assert.Equal(me.GetProperty("email").GetString(), approvalEmail.GetProperty("to").GetString());
        Assert.Contains(approvalEmail.GetProperty("language").GetString(), new[] { "nb", me.GetProperty("preferredLanguage").GetString() });
        await admin.GotoAsync("/design/outbox?channel=email");
        await Expect(admin.Locator("#outbox li", new() { HasText = submitted.Reference }).First).ToBeVisibleAsync();
        await StepAsync(admin, "outbox-emails");
    }

    [Fact]
    public async Task TaskLeftSixDays_EscalatesToTheTeamLead()
    {
        var caseworker = await StaffAsync("bergen-caseworker");
        var teamLead = await StaffAsync("bergen-admin", "/design/clock");
        var citizen = await GuardianAtTheApplicationAsync();
        var submitted = await ApplyAsync(citizen, screenshots: false);
        await WaitForTaskAsync(caseworker, submitted.Reference, "caseworker");

        await VisitedAsync(teamLead, "team-lead-clock");
        await teamLead.GetByLabel("Antall dager å flytte fram").FillAsync("6");
        await teamLead.GetByRole(AriaRole.Button, new() { Name = "Flytt klokken fram" }).ClickAsync();
        await Expect(teamLead.Locator("#clock-offset")).Not.ToHaveTextAsync("0 dager");
        await StepAsync(teamLead, "clock-moved");

        await teamLead.GotoAsync("/work?group=tenant-admin");
        var escalated = teamLead.Locator("#inbox tr", new() { HasText = submitted.Reference });
        await ReloadUntilVisibleAsync(teamLead, escalated);
        await VisitedAsync(teamLead, "team-lead-inbox-escalated");
        var task = await WaitForTaskAsync(teamLead, submitted.Reference, "tenant-admin");
        Assert.Contains("tenant-admin", task.GetProperty("candidateGroups").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task CaseworkerOfAnotherMunicipality_NeitherSeesNorOpensTheCase()
    {
        var bergen = await StaffAsync("bergen-caseworker");
        var uppsala = await StaffAsync("uppsala-caseworker");
        var citizen = await GuardianAtTheApplicationAsync();
        var submitted = await ApplyAsync(citizen, screenshots: false);
        var task = await WaitForTaskAsync(bergen, submitted.Reference);
        var taskId = task.GetProperty("id").GetInt64();
        var instanceId = task.GetProperty("instanceId").GetString();

        await uppsala.GotoAsync("/work");
        await Expect(uppsala.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Innboks");
        await VisitedAsync(uppsala, "other-tenant-inbox");
        await Expect(uppsala.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(submitted.Reference);
        Assert.Null(await FindTaskAsync(uppsala, submitted.Reference));

        var direct = await uppsala.GotoAsync($"/work/tasks/{taskId}");
        Assert.True(direct!.Status is 403 or 404, $"/work/tasks/{taskId} answered {direct.Status}");
        await Expect(uppsala.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(submitted.Reference);
        await VisitedAsync(uppsala, "other-tenant-direct-url");
        var api = await uppsala.APIRequest.GetAsync($"/api/workflow/tasks/{taskId}");
        var caseApi = await uppsala.APIRequest.GetAsync($"/api/workflow/cases/{instanceId}");
        Assert.True(api.Status is 403 or 404, $"the task API answered {api.Status}");
        Assert.True(caseApi.Status is 403 or 404, $"the case API answered {caseApi.Status}");
    }
}
