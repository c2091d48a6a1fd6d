using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using static Sandbox.Portal.Tests.HtmlForms;

namespace Sandbox.Portal.Tests;

/// <summary>The school transport application of the sample e-service (deploy/eservices), filled through the portal.</summary>
public sealed class PilotFormTests : IClassFixture<PortalFactory>
{
    private const string Start = "/apply/school-transport-application";
    private readonly PortalFactory portal;

    public PilotFormTests(PortalFactory portal)
    {
        this.portal = portal;
        var file = Path.Combine(ResourceTests.FindRepository(), "deploy", "eservices", "school-transport", "forms", "application.form");
        portal.Forms.ApplicationSchema = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        portal.Forms.Draft = null;
        portal.Forms.ApplicationRequires = data => data["reason"]?.ToString() == "medical"
            ? ["child", "school", "address", "reason", "consent", "medicalCertificate"]
            : ["child", "school", "address", "reason", "consent"];
    }

    [Fact]
    public async Task MedicalReason_AsksForTheCertificate_AndTheAnswersNameTheChildAndTheFile()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = portal.Browser("citizen", "en");

        var first = await PortalFactory.HtmlAsync(await browser.GetAsync(Start, ct));
        Assert.Equal("Page 1 of 3 · School transport", first.QuerySelector("#progress")!.TextContent);
        Assert.Equal("Fjellveien 1, 5003 Bergen", first.QuerySelector("#field-address")!.GetAttribute("value"));
        var toSecond = await browser.SubmitAsync(first, "main form",
            [Field("f.child", "child-2"), Field("f.school", "Fjell skole"), Field("f.address", "Fjellveien 1, 5003 Bergen"), Field("action", "next")], Start + "/1");
        Assert.Equal(Start + "/2", toSecond.Headers.Location!.OriginalString);

        var second = await PortalFactory.HtmlAsync(await browser.GetAsync(Start + "/2", ct));
        var toThird = await browser.SubmitAsync(second, "main form", [Field("f.reason", "medical"), Field("action", "next")], Start + "/2");
        Assert.Equal(Start + "/3", toThird.Headers.Location!.OriginalString);

        var third = await PortalFactory.HtmlAsync(await browser.GetAsync(Start + "/3", ct));
        Assert.NotNull(third.QuerySelector("input[type=file]#field-medicalCertificate"));
        var missing = await browser.SubmitAsync(third, "main form", [Field("f.consent", "true"), Field("action", "next")], Start + "/3");
        var errors = await PortalFactory.HtmlAsync(missing);
        Assert.Equal("#field-medicalCertificate", errors.QuerySelector(".ds-error-summary a")!.GetAttribute("href"));

        using var upload = new MultipartFormDataContent
        {
            { new StringContent(errors.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent("true"), "f.consent" },
            { new StringContent("next"), "action" },
        };
        upload.Add(new ByteArrayContent("%PDF-"u8.ToArray()), "f.medicalCertificate", "certificate.pdf");
        var toCheck = await browser.PostAsync(Start + "/3", upload, ct);
        Assert.Equal(Start + "/check", toCheck.Headers.Location!.OriginalString);

        var check = await PortalFactory.HtmlAsync(await browser.GetAsync(Start + "/check", ct));
        var answers = check.QuerySelector(".answers")!.TextContent;
        Assert.Contains("Eva Nordmann", answers);
        Assert.Contains("Medical reasons", answers);
        var sent = await browser.SubmitAsync(check, "main form", [], Start + "/check");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var submitted = portal.Forms.Submissions.Single();
        Assert.Equal(portal.Forms.Uploads.Single().Id, submitted["medicalCertificate"]!.GetValue<string>());
        Assert.True(submitted["consent"]!.GetValue<bool>());
    }

    [Fact]
    public async Task MedicalNeeds_OnTheReasonPage_IsWrittenHidden_AndShownForAMedicalReason()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = portal.Browser("citizen", "en");
        portal.Forms.Draft = (new JsonObject { ["child"] = "child-2", ["school"] = "Fjell skole", ["address"] = "Fjellveien 1" }, "\"pilot\"");
        var second = await PortalFactory.HtmlAsync(await browser.GetAsync(Start + "/2", ct));
        Assert.True(second.QuerySelector("[data-conditional=medicalNeeds]")!.HasAttribute("hidden"));
        Assert.Equal("Describe the child's medical needs", second.QuerySelector("label[for=field-medicalNeeds]")!.TextContent);

        async Task<string> HiddenAsync(string reason)
        {
            var response = await browser.SubmitAsync(second, "main form", [Field("f.reason", reason)], Start + "/2/visibility");
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["hidden"]!.ToJsonString();
        }

        Assert.Equal("[]", await HiddenAsync("medical"));
        Assert.Equal("[\"medicalNeeds\"]", await HiddenAsync("other"));
    }
}
