using AngleSharp.Dom;
using System.Net;
using static Sandbox.Portal.Tests.HtmlForms;

namespace Sandbox.Portal.Tests;

public sealed class ApplicationFlowTests : IClassFixture<PortalFactory>
{
    private const string Start = "/apply/school-transport-application";
    private readonly PortalFactory portal;

    public ApplicationFlowTests(PortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task Citizen_FillsPageByPage_ChecksAnswers_SubmitsAndGetsReceipt()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = portal.Browser("citizen", "nb");
        // The fixture's fake forms service is shared by this class's tests: start with no draft and nothing sent.
        portal.Forms.Draft = null;
        portal.Forms.Submissions.Clear();

        // Page 1 offers the guardian's children from identity.
        var first = await PortalFactory.HtmlAsync(await browser.GetAsync(Start + "/1", ct));
        Assert.Equal("Om deg og barnet", first.QuerySelector("h1")!.TextContent);
        Assert.Contains(first.QuerySelectorAll("#field-child option"), o => o.GetAttribute("value") == "child-2" && o.TextContent.Contains("Eva Nordmann"));
        Assert.Equal("Fjellveien 1, 5003 Bergen", first.QuerySelector("#field-address")!.GetAttribute("value"));

        // Posting without the required name: error summary at the top, linking to the field; title says Feil:.
        var invalid = await browser.SubmitAsync(first, "main form", [Field("f.child", "child-2"), Field("f.address", "Fjellveien 1, 5003 Bergen"), Field("action", "next")], Start + "/1");
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var errorPage = await PortalFactory.HtmlAsync(invalid);
        Assert.StartsWith("Feil:", errorPage.Title);
        var summary = errorPage.QuerySelector(".ds-error-summary")!;
        Assert.Same(summary, errorPage.QuerySelector("main")!.FirstElementChild);
        Assert.Equal("#field-guardianName", summary.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(errorPage.QuerySelector("#field-guardianName[aria-invalid=true]"));
        Assert.Equal("child-2", portal.Forms.Draft!.Value.Data["child"]!.GetValue<string>());

        // A valid page 1 goes on to page 2; the draft keeps both answers and not the children list.
        var valid = await browser.SubmitAsync(errorPage, "main form", [Field("f.guardianName", "Kari Nordmann"), Field("f.child", "child-2"), Field("action", "next")], Start + "/1");
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        Assert.Equal(Start + "/2", valid.Headers.Location!.OriginalString);
        Assert.Equal("Kari Nordmann", portal.Forms.Draft!.Value.Data["guardianName"]!.GetValue<string>());
        Assert.False(portal.Forms.Draft!.Value.Data.ContainsKey("children"));

        var second = await PortalFactory.HtmlAsync(await browser.GetAsync(Start + "/2", ct));
        var toCheck = await browser.SubmitAsync(second, "main form", [Field("f.school", "Fjell skole"), Field("action", "next")], Start + "/2");
        Assert.Equal(Start + "/check", toCheck.Headers.Location!.OriginalString);

        // Check your answers, then send.
        var check = await PortalFactory.HtmlAsync(await browser.GetAsync(Start + "/check", ct));
        Assert.Contains("Fjell skole", check.QuerySelector(".answers")!.TextContent);
        var sent = await browser.SubmitAsync(check, "main form", [], Start + "/check");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var receipt = await PortalFactory.HtmlAsync(await browser.GetAsync(sent.Headers.Location!.OriginalString, ct));
        Assert.Equal("ST-2026-0042", receipt.QuerySelector("#reference")!.TextContent);
        var submitted = portal.Forms.Submissions.Single();
        Assert.Equal("Fjell skole", submitted["school"]!.GetValue<string>());
        Assert.False(submitted.ContainsKey("children")); // the portal's own input is not a field of the form
    }

    [Fact]
    public async Task DraftSavedElsewhereMeanwhile_ThisPageGoesOnTopOfTheNewestDraft()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = portal.Browser("citizen", "nb");
        portal.Forms.Draft = (new System.Text.Json.Nodes.JsonObject { ["guardianName"] = "Kari" }, "\"old\"");
        var second = await PortalFactory.HtmlAsync(await browser.GetAsync(Start + "/2", ct));
        portal.Forms.SavedElsewhere = new System.Text.Json.Nodes.JsonObject { ["guardianName"] = "Kari Nordmann", ["child"] = "child-1" };

        var response = await browser.SubmitAsync(second, "main form", [Field("f.school", "Fjell skole"), Field("action", "next")], Start + "/2");

        Assert.Equal(Start + "/check", response.Headers.Location!.OriginalString);
        var data = portal.Forms.Draft!.Value.Data;
        Assert.Equal("Kari Nordmann", data["guardianName"]!.GetValue<string>());
        Assert.Equal("child-1", data["child"]!.GetValue<string>());
        Assert.Equal("Fjell skole", data["school"]!.GetValue<string>());
    }

    [Fact]
    public async Task SaveForLater_KeepsTheAnswersWithoutValidating()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = portal.Browser("citizen", "en");
        var first = await PortalFactory.HtmlAsync(await browser.GetAsync(Start + "/1", ct));

        var saved = await browser.SubmitAsync(first, "main form", [Field("f.guardianName", "Kari"), Field("action", "save")], Start + "/1");

        Assert.Equal(Start + "/1?saved=true", saved.Headers.Location!.OriginalString);
        var again = await PortalFactory.HtmlAsync(await browser.GetAsync(Start + "/1?saved=true", ct));
        Assert.Equal("Kari", again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#field-guardianName")!.Value);
        Assert.NotNull(again.QuerySelector(".ds-alert[role=status]"));
    }
}

public sealed class UploadTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public UploadTests(PortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task FilePicker_UploadsToTheDraft_AndStoresTheAttachmentId()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = portal.Browser("citizen", "nb");
        portal.Forms.Draft = (new System.Text.Json.Nodes.JsonObject { ["guardianName"] = "Kari" }, "\"seed\"");
        var page = await PortalFactory.HtmlAsync(await browser.GetAsync("/apply/school-transport-application/2", ct));
        Assert.Equal("multipart/form-data", page.QuerySelector("main form")!.GetAttribute("enctype"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.NotNull(page.QuerySelector("input[type=file][name='f.medical']"));

        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Fjell skole"), "f.school" },
            { new StringContent("next"), "action" },
        };
        var file = new ByteArrayContent("%PDF-"u8.ToArray());
        file.Headers.ContentType = new("application/pdf");
        content.Add(file, "f.medical", "legeerklæring.pdf");
        var response = await browser.PostAsync("/apply/school-transport-application/2", content, ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var upload = Assert.Single(portal.Forms.Uploads);
        Assert.Equal("medical", upload.Field);
        Assert.Equal(upload.Id, portal.Forms.Draft!.Value.Data["medical"]!.GetValue<string>());
        Assert.Equal("Kari", portal.Forms.Draft!.Value.Data["guardianName"]!.GetValue<string>());
    }
}
