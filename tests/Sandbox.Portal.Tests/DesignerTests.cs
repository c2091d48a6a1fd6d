using System.Net;
using AngleSharp.Dom;

namespace Sandbox.Portal.Tests;

public sealed class DesignerTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public DesignerTests(PortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task Package_Zip_IsDeployed_OtherFile_IsRefusedWithTheReason()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = portal.Browser("designer", "en");
        var page = await PortalFactory.HtmlAsync(await browser.GetAsync("/design", ct));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var refused = await browser.PostAsync("/design", Package(token, "not a zip"u8.ToArray()), ct);
        var errorPage = await PortalFactory.HtmlAsync(refused);
        Assert.StartsWith("Error:", errorPage.Title);
        Assert.Contains("eservice.yaml: The package is not a zip file.", errorPage.QuerySelector(".ds-error-summary")!.TextContent);

        var deployed = await browser.PostAsync("/design", Package(token, [(byte)'P', (byte)'K', 3, 4]), ct);
        Assert.Equal("/design?deployed=true", deployed.Headers.Location!.OriginalString);
        Assert.Single(portal.Workflow.Packages);
    }

    [Fact]
    public async Task EServices_ListEveryVersion_WithTheDiagramOfItsProcessVersion()
    {
        var page = await PortalFactory.HtmlAsync(await portal.Browser("designer", "en").GetAsync("/design", TestContext.Current.CancellationToken));

        var rows = page.QuerySelectorAll("#eservices tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("/design/processes/2251799813685300", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Process diagram of School transport 2", rows[0].QuerySelector("a")!.GetAttribute("aria-label"));
        Assert.Equal("/design/processes/2251799813685249", rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Retired", rows[1].TextContent);
        Assert.StartsWith("Library card", rows[2].TextContent.Trim());
    }

    [Fact]
    public async Task ProcessPage_ShowsTokenCounts_AndLoadsTheViewerFromFiles()
    {
        var page = await PortalFactory.HtmlAsync(await portal.Browser("designer").GetAsync("/design/processes/2251799813685300", TestContext.Current.CancellationToken));

        Assert.Equal("review", page.QuerySelector("#statistics tbody td")!.TextContent);
        Assert.Equal("3", page.QuerySelectorAll("#statistics tbody td")[1].TextContent);
        var scripts = page.QuerySelectorAll("script").Select(s => s.GetAttribute("src")!).ToList();
        Assert.Contains(scripts, s => s.StartsWith("/lib/bpmn-js/bpmn-navigated-viewer.production.min.js", StringComparison.Ordinal));
        Assert.Contains(scripts, s => s.StartsWith("/js/diagram.js", StringComparison.Ordinal));
        Assert.Equal("/design/processes/2251799813685300?handler=Xml", page.QuerySelector("#diagram")!.GetAttribute("data-xml-url"));
    }

    [Fact]
    public async Task ProcessPage_ServesTheXmlAndStatisticsForTheScript()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = portal.Browser("designer");

        var xml = await browser.GetAsync("/design/processes/2251799813685300?handler=Xml", ct);
        var statistics = await browser.GetStringAsync("/design/processes/2251799813685300?handler=Statistics", ct);

        Assert.Equal("application/xml", xml.Content.Headers.ContentType!.MediaType);
        Assert.Equal("<definitions/>", await xml.Content.ReadAsStringAsync(ct));
        Assert.Contains("\"elementId\":\"review\"", statistics);
        Assert.Contains("\"active\":3", statistics);
    }

    [Theory]
    [InlineData("/lib/designsystemet-css/index.css")]
    [InlineData("/lib/designsystemet-css/theme.css")]
    [InlineData("/lib/bpmn-js/bpmn-navigated-viewer.production.min.js")]
    [InlineData("/lib/bpmn-js/assets/bpmn-js.css")]
    [InlineData("/js/diagram.js")]
    [InlineData("/css/site.css")]
    public async Task FrontEndFiles_AreServedFromWwwroot(string path)
    {
        var response = await portal.Browser().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Outbox_ListsSentNotifications()
    {
        var page = await PortalFactory.HtmlAsync(await portal.Browser("designer").GetAsync("/design/outbox?channel=email", TestContext.Current.CancellationToken));

        Assert.Equal("Vedtak: innvilget", page.QuerySelector("#outbox h2")!.TextContent);
        Assert.Contains(portal.Notifications.Received, r => r.Request.RequestUri!.Query == "?channel=email");
    }

    private static MultipartFormDataContent Package(string token, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new("application/zip");
        return new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "package", "school-transport.zip" } };
    }
}

public sealed class CitizenPagesTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public CitizenPagesTests(PortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task Cases_ShowTheTranslatedCaseStatus()
    {
        var page = await PortalFactory.HtmlAsync(await portal.Browser("citizen", "fi").GetAsync("/cases/inst-1", TestContext.Current.CancellationToken));

        Assert.Equal("Käsittelyssä", page.QuerySelector("#case-status")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll("ol.history li").Length);
    }

    [Fact]
    public async Task Message_MarkRead_PostsToNotifications()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = portal.Browser("citizen", "sv");
        var page = await PortalFactory.HtmlAsync(await browser.GetAsync("/messages", ct));
        var button = page.QuerySelector("form[action*='handler=Read'] button")!;
        Assert.Equal("Markera Søknaden er mottatt som läst", button.GetAttribute("aria-label"));

        var response = await browser.SubmitAsync(page, "form[action*='handler=Read']", []);

        Assert.Equal("/messages", response.Headers.Location!.OriginalString);
        Assert.Equal(["m1"], portal.Notifications.MarkedRead);
    }
}
