using System.Net;

namespace Sandbox.Portal.Tests;

public sealed class PageRenderingTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public PageRenderingTests(PortalFactory portal) => this.portal = portal;

    public static TheoryData<string?, string, string> Pages()
    {
        var pages = new (string? Role, string Path)[]
        {
            (null, "/"), (null, "/municipalities/bergen"),
            ("citizen", "/apply/school-transport-application/1"), ("citizen", "/cases"), ("citizen", "/cases/inst-1"), ("citizen", "/messages"),
            ("caseworker", "/work"), ("caseworker", "/work/tasks/7"), ("caseworker", "/work/tasks/7/done?instanceId=inst-1"),
            ("designer", "/design"), ("designer", "/design/processes/2251799813685300"), ("designer", "/design/clock"), ("designer", "/design/outbox"),
        };
        var data = new TheoryData<string?, string, string>();
        foreach (var language in new[] { "sv", "nb", "fi", "en" })
        {
            foreach (var (role, path) in pages) data.Add(role, path, language);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_RendersInLanguage_WithOneH1AndSkipLink(string? role, string path, string language)
    {
        var response = await portal.Browser(role, language).GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalFactory.HtmlAsync(response);
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("#main", page.QuerySelector("a.skip-link")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.DoesNotContain(page.QuerySelectorAll("[style]"), _ => true);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task StartPage_InNorwegian_SaysSoInTheLanguageNavigation()
    {
        var page = await PortalFactory.HtmlAsync(await portal.Browser(null, "nb").GetAsync("/", TestContext.Current.CancellationToken));

        Assert.Equal("true", page.QuerySelector("a[hreflang=nb]")!.GetAttribute("aria-current"));
        Assert.Equal("/signin?returnUrl=%2F", page.QuerySelector("a[href^='/signin']")!.GetAttribute("href"));
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/municipalities/bergen");
    }

    [Fact]
    public async Task Municipality_ListsItsEServices_WithNamedStartLinks()
    {
        var page = await PortalFactory.HtmlAsync(await portal.Browser(null, "en").GetAsync("/municipalities/bergen", TestContext.Current.CancellationToken));

        var start = page.QuerySelector("a[href='/apply/school-transport-application']");
        Assert.NotNull(start);
        Assert.Equal("Start School transport", start.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Municipality_AsSignedInCitizen_AsksForTheNamedMunicipalitysListWithoutTheToken()
    {
        await portal.Browser("citizen").GetAsync("/municipalities/uppsala", TestContext.Current.CancellationToken);

        var (request, _) = portal.Workflow.Received.Last(r => r.Request.RequestUri!.AbsolutePath == "/api/workflow/eservices");
        Assert.Equal("?tenant=uppsala", request.RequestUri!.Query);
        Assert.Null(request.Headers.Authorization);
    }

    [Theory]
    [InlineData("citizen", "/cases", "Mine saker")]
    [InlineData("caseworker", "/work", "Innboks")]
    [InlineData("designer", "/design", "E-tjenester")]
    public async Task Navigation_ShowsTheLinksOfTheUsersRole(string role, string href, string text)
    {
        var page = await PortalFactory.HtmlAsync(await portal.Browser(role).GetAsync("/", TestContext.Current.CancellationToken));

        var links = page.QuerySelectorAll("nav.site-nav a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains((href, text), links);
        Assert.Equal(role == "citizen" ? 1 : 0, links.Count(l => l.Item1 == "/cases"));
        Assert.Equal(role == "caseworker" ? 1 : 0, links.Count(l => l.Item1 == "/work"));
    }
}
