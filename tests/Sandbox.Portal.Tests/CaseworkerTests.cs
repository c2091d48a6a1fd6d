using System.Net;
using static Sandbox.Portal.Tests.HtmlForms;

namespace Sandbox.Portal.Tests;

public sealed class CaseworkerTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public CaseworkerTests(PortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task Inbox_MarksOverdueTasksInText()
    {
        var page = await PortalFactory.HtmlAsync(await portal.Browser("caseworker", "nb").GetAsync("/work", TestContext.Current.CancellationToken));

        var rows = page.QuerySelectorAll("#inbox tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Forsinket", rows[0].TextContent);
        Assert.Contains("ST-2026-007", rows[0].TextContent);
        Assert.DoesNotContain("Forsinket", rows[1].TextContent);
    }

    [Fact]
    public async Task Task_ClaimThenDecide_ShowsErrorsThenTheNextStep()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = portal.Browser("caseworker", "nb");
        var task = await PortalFactory.HtmlAsync(await browser.GetAsync("/work/tasks/7", ct));
        Assert.Contains("legeerklæring.pdf", task.QuerySelector("a[href='/api/forms/attachments/att-1']")!.TextContent);
        Assert.Contains("Fjell skole", task.QuerySelector("#application-answers")!.TextContent);

        var claimed = await browser.SubmitAsync(task, "form[action*='handler=Claim']", []);
        Assert.Equal("/work/tasks/7", claimed.Headers.Location!.OriginalString);

        var mine = await PortalFactory.HtmlAsync(await browser.GetAsync("/work/tasks/7", ct));
        var refused = await browser.SubmitAsync(mine, "form[action*='handler=Complete']", [Field("r.comment", "ok")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errorPage = await PortalFactory.HtmlAsync(refused);
        Assert.StartsWith("Feil:", errorPage.Title);
        Assert.StartsWith("#field-decision", errorPage.QuerySelector(".ds-error-summary a")!.GetAttribute("href"));

        var done = await browser.SubmitAsync(errorPage, "form[action*='handler=Complete']", [Field("r.decision", "approved")]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("approved", portal.Workflow.CompletedWith!["decision"]!.GetValue<string>());
        var next = await PortalFactory.HtmlAsync(await browser.GetAsync(done.Headers.Location!.OriginalString, ct));
        Assert.Equal("Vurder søknad", next.QuerySelector("#next-step")!.TextContent);
    }

    [Fact]
    public async Task Clock_AdvancesByTheGivenDays()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = portal.Browser("designer", "en");
        var page = await PortalFactory.HtmlAsync(await browser.GetAsync("/design/clock", ct));

        var moved = await browser.SubmitAsync(page, "form[action*='handler=Advance']", [Field("Days", "6")]);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(TimeSpan.FromDays(6), portal.Workflow.ClockOffset);
        var after = await PortalFactory.HtmlAsync(await browser.GetAsync("/design/clock", ct));
        Assert.Equal("6 days", after.QuerySelector("#clock-offset")!.TextContent);
    }
}
