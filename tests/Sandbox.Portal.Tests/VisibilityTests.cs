using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Sandbox.Portal.Tests.Fakes;
using static Sandbox.Portal.Tests.HtmlForms;

namespace Sandbox.Portal.Tests;

public sealed class VisibilityTests : IClassFixture<PortalFactory>
{
    private const string Page = "/apply/" + FakeForms.ApplicationForm + "/1";
    private const string Visibility = Page + "/visibility";
    private readonly PortalFactory portal;

    public VisibilityTests(PortalFactory portal)
    {
        this.portal = portal;
        portal.Forms.ApplicationSchema = JsonNode.Parse("""
            { "id": "school-transport-application", "type": "default", "title": "Skoleskyss", "components": [
              { "type": "group", "id": "g1", "label": "Begrunnelse", "components": [
                { "type": "radio", "id": "r", "key": "reason", "label": "Hvorfor", "values": [{ "label": "Medisinsk", "value": "medical" }, { "label": "Annet", "value": "other" }] },
                { "type": "textarea", "id": "n", "key": "needs", "label": "Behov", "conditional": { "hide": "=reason != \"medical\"" } },
                { "type": "group", "id": "g2", "path": "child", "components": [
                  { "type": "checkbox", "id": "c", "key": "wheelchair", "label": "Rullestol" },
                  { "type": "textfield", "id": "t", "key": "model", "label": "Modell", "conditional": { "hide": "=not(child.wheelchair)" } }] },
                { "type": "dynamiclist", "id": "d", "path": "trips", "label": "Tur", "components": [
                  { "type": "select", "id": "k", "key": "kind", "label": "Type", "values": [{ "label": "Buss", "value": "bus" }, { "label": "Taxi", "value": "taxi" }] },
                  { "type": "textfield", "id": "w", "key": "why", "label": "Hvorfor taxi", "conditional": { "hide": "=this.kind != \"taxi\"" } }] }
              ] }] }
            """)!.AsObject();
        portal.Forms.Draft = (new JsonObject { ["trips"] = new JsonArray(new JsonObject { ["kind"] = "bus" }) }, "\"v1\"");
    }

    [Fact]
    public async Task Page_WritesHiddenConditionalFields_TheScriptAndALiveRegion()
    {
        var page = await PortalFactory.HtmlAsync(await portal.Browser("citizen", "sv").GetAsync(Page, TestContext.Current.CancellationToken));

        var needs = page.QuerySelector("[data-conditional='needs']")!;
        Assert.True(needs.HasAttribute("hidden"));
        Assert.True(page.QuerySelector("#field-needs")!.HasAttribute("disabled"));
        Assert.False(page.QuerySelector("#field-reason")!.HasAttribute("disabled"));
        var form = page.QuerySelector("main form")!;
        Assert.Equal(Visibility, form.GetAttribute("data-visibility"));
        Assert.Equal("Visas nu: {0}", form.GetAttribute("data-shown-text"));
        Assert.Equal("polite", page.QuerySelector("#form-live")!.GetAttribute("aria-live"));
        Assert.Contains(page.QuerySelectorAll("script"), s => s.GetAttribute("src")!.StartsWith("/js/conditions.js", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Visibility_EvaluatesTheCurrentAnswers_InNestedGroupsAndListRows_WithoutSaving()
    {
        var (browser, page) = await OpenAsync();

        var nothing = await PostAsync(browser, page, []);
        var answered = await PostAsync(browser, page,
            [Field("f.reason", "medical"), Field("f.child.wheelchair", "true"), Field("f.trips[0].kind", "taxi"), Field("f.trips[1].kind", "bus")]);

        Assert.Equal(["needs", "child.model", "trips[0].why", "trips[1].why"], nothing);
        Assert.Equal(["trips[1].why", "trips[2].why"], answered);
        Assert.Equal("\"v1\"", portal.Forms.Draft!.Value.Etag);
    }

    [Fact]
    public async Task Visibility_WithoutAntiforgeryToken_Answers400()
    {
        var browser = portal.Browser("citizen");
        var response = await browser.PostAsync(Visibility, new FormUrlEncodedContent([Field("f.reason", "medical")]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Redirect)]
    [InlineData("caseworker", HttpStatusCode.Forbidden)]
    public async Task Visibility_NeedsASignedInCitizen(string? role, HttpStatusCode expected)
    {
        var (_, page) = await OpenAsync();
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await portal.Browser(role).PostAsync(Visibility,
            new FormUrlEncodedContent([Field("__RequestVerificationToken", token), Field("f.reason", "medical")]), TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        if (role is null) Assert.StartsWith("/signin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Visibility_OfAPageThatDoesNotExist_Answers400ProblemDetails()
    {
        var (browser, page) = await OpenAsync();

        var response = await browser.SubmitAsync(page, "main form", [Field("f.reason", "medical")], "/apply/" + FakeForms.ApplicationForm + "/7/visibility");

        await AssertProblemAsync(response);
    }

    [Fact]
    public async Task Visibility_OfABodyThatIsNoForm_Answers400ProblemDetails()
    {
        var (browser, page) = await OpenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Visibility) { Content = JsonContent.Create(new { reason = "medical" }) };
        request.Headers.Add("RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));

        await AssertProblemAsync(await browser.SendAsync(request, TestContext.Current.CancellationToken));
    }

    private async Task<(HttpClient Browser, IHtmlDocument Page)> OpenAsync()
    {
        var browser = portal.Browser("citizen");
        return (browser, await PortalFactory.HtmlAsync(await browser.GetAsync(Page, TestContext.Current.CancellationToken)));
    }

    private static async Task<string[]> PostAsync(HttpClient browser, IHtmlDocument page, KeyValuePair<string, string>[] fields)
    {
        var response = await browser.SubmitAsync(page, "main form", fields, Visibility);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return [.. json.GetProperty("hidden").EnumerateArray().Select(e => e.GetString()!)];
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }
}
