using System.Net;

namespace Sandbox.Portal.Tests;

public sealed class AccessTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public AccessTests(PortalFactory portal) => this.portal = portal;

    [Theory]
    [InlineData("/apply/school-transport-application/1")]
    [InlineData("/cases")]
    [InlineData("/messages")]
    [InlineData("/work")]
    [InlineData("/design/clock")]
    public async Task ProtectedPage_Anonymous_RedirectsToSignInAndBack(string path)
    {
        var response = await portal.Browser().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?returnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CaseworkerPage_AsCitizen_AnswersFriendly403()
    {
        var response = await portal.Browser("citizen", "en").GetAsync("/work", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await PortalFactory.HtmlAsync(response);
        Assert.Equal("You do not have access", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var client = portal.Browser("designer");

        var response = await client.PostAsync("/design/clock?handler=Advance",
            new FormUrlEncodedContent([new("Days", "6")]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(TimeSpan.Zero, portal.Workflow.ClockOffset);
    }

    [Fact]
    public async Task Calls_ForwardTheUsersTokenAndLanguage()
    {
        await portal.Browser("citizen", "fi").GetAsync("/messages", TestContext.Current.CancellationToken);

        var (request, _) = portal.Notifications.Received.Last(r => r.Request.RequestUri!.AbsolutePath == "/api/notifications/mine");
        Assert.Equal("Bearer test-citizen", request.Headers.Authorization!.ToString());
        Assert.Equal("fi", request.Headers.AcceptLanguage.Single().Value);
    }
}

public sealed class DownstreamErrorTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public DownstreamErrorTests(PortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task ServiceAnswering401_SendsTheBrowserToSignIn()
    {
        portal.Notifications.FailWith = HttpStatusCode.Unauthorized;

        var response = await portal.Browser("citizen").GetAsync("/messages", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Fmessages", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ServiceAnswering403_ShowsALocalizedPageWithoutDetails()
    {
        portal.Workflow.FailWith = HttpStatusCode.Forbidden;

        var response = await portal.Browser("citizen", "sv").GetAsync("/cases", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await PortalFactory.HtmlAsync(response);
        Assert.Equal("Du har inte tillgång", page.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("Exception", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Refused", page.Body!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class UnsafeMethodTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public UnsafeMethodTests(PortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task FailingPost_IsSentOnce_AndShowsTheServiceUnavailablePage()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = portal.Browser("designer", "en");
        var page = await PortalFactory.HtmlAsync(await browser.GetAsync("/design/clock", ct));
        portal.Workflow.FailWith = HttpStatusCode.ServiceUnavailable;

        var response = await browser.SubmitAsync(page, "form[action*='handler=Advance']", [HtmlForms.Field("Days", "6")]);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("The service is not answering right now", (await PortalFactory.HtmlAsync(response)).QuerySelector("h1")!.TextContent);
        Assert.Single(portal.Workflow.Received, r => r.Request.Method == HttpMethod.Post);
    }
}
