using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sandbox.EndToEnd.Tests.Browser.Stories;

/// <summary>
/// A field that depends on an answer appears as soon as the answer is given, without sending the page: the
/// school transport application asks for the child's medical needs once the reason is medical.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class LiveConditionTests(SandboxApp sandbox, ChromiumBrowser chromium) : SchoolTransportStory(sandbox, chromium)
{
    [Fact]
    public async Task ChoosingTheMedicalReason_ShowsTheMedicalNeedsField_WithoutAPageLoad_AndAnnouncesIt()
    {
        var page = await GuardianAtTheApplicationAsync();
        await new FormFiller(MedicalReason, FormFiller.DoctorsStatement, ShortWayToSchool).FillAsync(page, page.Locator("main form[method=post]").First, "f.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fortsett", Exact = true }).ClickAsync();
        var medical = page.GetByRole(AriaRole.Radio, new() { Name = "Medisinske årsaker" });
        var needs = page.GetByLabel("Beskriv barnets medisinske behov");
        await Expect(medical).ToBeVisibleAsync();
        await Expect(needs).ToBeHiddenAsync();
        await Expect(needs).ToBeDisabledAsync();
        // A mark on the loaded document: it survives only if the page is not loaded again.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await medical.CheckAsync();

        await Expect(needs).ToBeVisibleAsync();
        await Expect(needs).ToBeEnabledAsync();
        await Expect(page.Locator("#form-live")).ToHaveTextAsync("Vises nå: Beskriv barnets medisinske behov");
        await VisitedAsync(page, "live-field-shown");

        // The field disappears while it has the focus (its answer changed elsewhere): the focus moves to a field still shown.
        await needs.FillAsync("Astma");
        await page.EvaluateAsync("""
            () => { const other = document.querySelector("input[name='f.reason'][value='other']");
                    other.checked = true; other.dispatchEvent(new Event('change', { bubbles: true })); }
            """);
        await Expect(needs).ToBeHiddenAsync();
        await Expect(page.Locator("#form-live")).ToHaveTextAsync("Vises ikke lenger: Beskriv barnets medisinske behov");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement !== document.body && !document.activeElement.closest('[hidden]')"),
            "the focus stays on a field that is shown");
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the field showed and hid without a page load");
        await VisitedAsync(page, "live-field-hidden");
    }
}
