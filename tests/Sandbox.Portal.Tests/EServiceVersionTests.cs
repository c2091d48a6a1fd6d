using System.Net;
using static Sandbox.Portal.Tests.HtmlForms;

namespace Sandbox.Portal.Tests;

public sealed class EServiceVersionTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public EServiceVersionTests(PortalFactory portal)
    {
        this.portal = portal;
        portal.Workflow.VersionStatus[2] = "published";
        portal.Workflow.VersionStatus[1] = "retired";
    }

    [Fact]
    public async Task RetiredVersion_IsPublished_AndTheListSaysSo()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = portal.Browser("designer", "sv");
        var list = await PortalFactory.HtmlAsync(await browser.GetAsync("/design", ct));
        var publish = list.QuerySelector("#eservices tr[data-status=retired] button")!;
        Assert.Equal("Publicera Skolskjuts version 1", publish.GetAttribute("aria-label"));

        var response = await browser.SubmitAsync(list, "#eservices tr[data-status=retired] form", [Field("eservice", "school-transport"), Field("version", "1")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("published", portal.Workflow.VersionStatus[1]);
        var after = await PortalFactory.HtmlAsync(await browser.GetAsync(response.Headers.Location!.OriginalString, ct));
        Assert.Equal("Skolskjuts version 1 är publicerad.", after.QuerySelector("#status[role=status]")!.TextContent.Trim());
        Assert.Equal(2, after.QuerySelectorAll("#eservices tr[data-status=published]").Length);
    }

    [Fact]
    public async Task Retire_AsksFirst_ThenRetires_WithAStatusMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = portal.Browser("designer", "nb");
        var list = await PortalFactory.HtmlAsync(await browser.GetAsync("/design", ct));
        var link = list.QuerySelector("#eservices tr[data-status=published] a[href$='/retire']")!;
        Assert.Equal("Trekk tilbake Skoleskyss versjon 2", link.GetAttribute("aria-label"));

        var confirm = await PortalFactory.HtmlAsync(await browser.GetAsync(link.GetAttribute("href"), ct));
        Assert.Equal("published", portal.Workflow.VersionStatus[2]);
        Assert.Equal("Trekke tilbake Skoleskyss versjon 2?", confirm.QuerySelector("h1")!.TextContent);
        Assert.Equal("/design", confirm.QuerySelector("main form a")!.GetAttribute("href"));

        var response = await browser.SubmitAsync(confirm, "main form", [], link.GetAttribute("href"));

        Assert.Equal("/design?changed=retired&eservice=school-transport&version=2#status", response.Headers.Location!.OriginalString);
        Assert.Equal("retired", portal.Workflow.VersionStatus[2]);
        var after = await PortalFactory.HtmlAsync(await browser.GetAsync(response.Headers.Location!.OriginalString, ct));
        Assert.Equal("Skoleskyss versjon 2 er trukket tilbake.", after.QuerySelector("#status")!.TextContent.Trim());
    }

    [Fact]
    public async Task EServiceWithNoPublishedVersionLeft_StaysListed_AndCanBePublishedAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Workflow.VersionStatus[2] = "retired";
        var browser = portal.Browser("designer", "en");

        var list = await PortalFactory.HtmlAsync(await browser.GetAsync("/design", ct));

        Assert.Contains(portal.Workflow.Received, r => r.Request.RequestUri!.PathAndQuery == "/api/workflow/eservices?all=true");
        Assert.Empty(list.QuerySelectorAll("#eservices tr[data-status=published]"));
        Assert.Equal(["Publish School transport version 2", "Publish School transport version 1", "Publish Library card version 1"],
            list.QuerySelectorAll("#eservices tr[data-status=retired] button").Select(b => b.GetAttribute("aria-label")));
        Assert.Contains("library-card-application", list.QuerySelectorAll("#eservices tbody tr")[2].TextContent);

        var response = await browser.SubmitAsync(list, "#eservices tr[data-status=retired] form", [Field("eservice", "school-transport"), Field("version", "2")]);
        var after = await PortalFactory.HtmlAsync(await browser.GetAsync(response.Headers.Location!.OriginalString, ct));

        Assert.Equal("published", portal.Workflow.VersionStatus[2]);
        Assert.Equal("School transport version 2 is published.", after.QuerySelector("#status")!.TextContent.Trim());
        Assert.Equal(3, after.QuerySelectorAll("#eservices tbody tr").Length);
    }

    [Theory]
    [InlineData("sv", "Publicera Lånekort version 1")]
    [InlineData("nb", "Publiser Lånekort versjon 1")]
    [InlineData("fi", "Julkaise Kirjastokortti versio 1")]
    public async Task RetiredEService_IsListedInEveryLanguage(string language, string label)
    {
        var list = await PortalFactory.HtmlAsync(await portal.Browser("designer", language).GetAsync("/design", TestContext.Current.CancellationToken));

        Assert.Equal(label, list.QuerySelectorAll("#eservices tr[data-status=retired] button").Last().GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Retire_WithoutAntiforgeryToken_IsRefused_AndNothingChanges()
    {
        var response = await portal.Browser("designer").PostAsync("/design/eservices/school-transport/versions/2/retire",
            new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("published", portal.Workflow.VersionStatus[2]);
    }

    [Theory]
    [InlineData("citizen", HttpStatusCode.Forbidden)]
    [InlineData("caseworker", HttpStatusCode.Forbidden)]
    public async Task Retire_IsForDesigners(string role, HttpStatusCode expected)
    {
        var response = await portal.Browser(role).GetAsync("/design/eservices/school-transport/versions/2/retire", TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Retire_OfAVersionThatDoesNotExist_IsNotFound()
    {
        var response = await portal.Browser("designer").GetAsync("/design/eservices/school-transport/versions/9/retire", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class InboxPagingTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public InboxPagingTests(PortalFactory portal)
    {
        this.portal = portal;
        portal.Workflow.InboxSize = 260;
    }

    [Fact]
    public async Task Inbox_BeyondFifty_HasAccessiblePages_KeepingFilterAndSort()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await PortalFactory.HtmlAsync(await portal.Browser("caseworker", "en").GetAsync("/work?group=caseworker&sort=created&page=3", ct));

        Assert.Equal(50, page.QuerySelectorAll("#inbox tbody tr").Length);
        Assert.Contains("ST-2026-001101", page.QuerySelector("#inbox")!.TextContent);
        var nav = page.QuerySelector("nav.pagination")!;
        Assert.Equal("Pages of the inbox", nav.GetAttribute("aria-label"));
        var current = Assert.Single(nav.QuerySelectorAll("a[aria-current=page]"));
        Assert.Equal("3", current.TextContent);
        Assert.Equal("Page 3", current.GetAttribute("aria-label"));
        Assert.Equal(["Previous page", "1", "2", "3", "4", "5", "6", "Next page"], nav.QuerySelectorAll("a").Select(a => a.TextContent));
        Assert.Equal("/work?group=caseworker&sort=created&page=4", nav.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("/work?group=caseworker&sort=created&page=2", nav.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Contains("Page 3 of 6", page.QuerySelector("p[role=status]")!.TextContent);
        Assert.Contains(portal.Workflow.Received, r => r.Request.RequestUri!.Query.Contains("page=3"));
    }

    [Theory]
    [InlineData("due-desc", "sort=due&order=desc&page=2", 1210)]
    [InlineData("created-desc", "sort=created&order=desc&page=2", 1210)]
    [InlineData("reference", "sort=reference&order=asc&page=2", 1051)]
    [InlineData("nonsense", "sort=due&order=asc&page=2", 1051)]
    public async Task Inbox_PassesTheSortToWorkflow_AndShowsThePageInItsOrder(string sort, string query, int first)
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await PortalFactory.HtmlAsync(await portal.Browser("caseworker", "en").GetAsync($"/work?sort={sort}&page=2", ct));

        Assert.Contains(portal.Workflow.Received, r => r.Request.RequestUri!.Query == "?" + query);
        var references = page.QuerySelectorAll("#inbox tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(50, references.Count);
        var step = first > 1100 ? -1 : 1;
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"ST-2026-00{first + step * i}"), references);
        Assert.Equal(sort == "nonsense" ? "due" : sort, page.QuerySelector("#sort option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Inbox_SortChoices_AreTranslated()
    {
        var page = await PortalFactory.HtmlAsync(await portal.Browser("caseworker", "sv").GetAsync("/work", TestContext.Current.CancellationToken));

        Assert.Equal(["Förfallodatum, tidigast först", "Förfallodatum, senast först", "Skapad, äldst först", "Skapad, nyast först", "Referens, stigande"],
            page.QuerySelectorAll("#sort option").Select(o => o.TextContent));
    }

    [Fact]
    public async Task Inbox_ManyPages_ShowsFirstLastAndNeighbours()
    {
        portal.Workflow.InboxSize = 1000;
        var page = await PortalFactory.HtmlAsync(await portal.Browser("caseworker", "sv").GetAsync("/work?page=10", TestContext.Current.CancellationToken));
        portal.Workflow.InboxSize = 260;

        var numbers = page.QuerySelectorAll("nav.pagination a:not([rel])").Select(a => a.TextContent).ToList();
        Assert.Equal(["1", "8", "9", "10", "11", "12", "20"], numbers);
        Assert.Equal("Inkorgens sidor", page.QuerySelector("nav.pagination")!.GetAttribute("aria-label"));
        Assert.Equal(2, page.QuerySelectorAll("nav.pagination li[aria-hidden=true]").Length);
        Assert.Null(page.QuerySelector("nav.pagination a[aria-current=page][rel]"));
    }

    [Fact]
    public async Task Inbox_OnePage_HasNoPageNavigation()
    {
        portal.Workflow.InboxSize = 30;
        var page = await PortalFactory.HtmlAsync(await portal.Browser("caseworker", "fi").GetAsync("/work", TestContext.Current.CancellationToken));
        portal.Workflow.InboxSize = 260;

        Assert.Equal(30, page.QuerySelectorAll("#inbox tbody tr").Length);
        Assert.Null(page.QuerySelector("nav.pagination"));
    }
}
