using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sandbox.EndToEnd.Tests.Browser;

/// <summary>Using the portal and the login with the keyboard alone: where the focus goes and that it can be seen.</summary>
[Collection(SandboxCollection.Name)]
public sealed class KeyboardTests(SandboxApp sandbox, ChromiumBrowser chromium) : BrowserTest(sandbox, chromium)
{
    [Fact]
    public async Task FirstTab_ReachesTheSkipLink_ShownWithAVisibleFocus_AndItMovesFocusToTheContent()
    {
        var page = await OpenPageAsync("sv");
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");

        var skip = page.Locator(":focus");
        await Expect(skip).ToHaveAttributeAsync("href", "#main");
        await Expect(skip).ToBeInViewportAsync();
        await StepAsync(page, "skip-link-focused");
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(":focus")).ToHaveAttributeAsync("id", "main");
    }

    [Fact]
    public async Task EveryLinkInTheHeader_IsReachedByTab_WithAVisibleFocus()
    {
        var page = await OpenPageAsync("en");
        await page.GotoAsync("/");
        var links = await page.Locator("header a").CountAsync();

        for (var i = 0; i <= links; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            await AssertFocusVisibleAsync(page);
        }

        await StepAsync(page, "last-header-link-focused");
        Assert.True(links > 0, "the header has links");
    }

    [Fact]
    public async Task Staff_SignsIn_WithTheKeyboardAlone()
    {
        var page = await OpenPageAsync("en");
        await SignIn.OpenLoginAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in as staff" }).ClickAsync();

        await TabToAsync(page, "#userName");
        await page.Keyboard.TypeAsync("bergen-caseworker");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#password")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(SignIn.StaffPassword);
        await AssertFocusVisibleAsync(page);
        await StepAsync(page, "password-typed");
        await page.Keyboard.PressAsync("Enter");
        await SignIn.WaitUntilBackAsync(page);

        var own = await page.APIRequest.GetAsync("/api/forms/tenants/bergen/submissions");
        Assert.Equal(200, own.Status);
    }

    /// <summary>Tabs forward until <paramref name="selector"/> has the focus; fails after 30 presses.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 30; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.Locator(selector).EvaluateAsync<bool>("e => e === document.activeElement")) return;
        }
        Assert.Fail($"Tab never reached {selector}");
    }

    /// <summary>The focused element is on screen and drawn with an outline or a box shadow.</summary>
    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var focused = page.Locator(":focus");
        await Expect(focused).ToBeVisibleAsync();
        var style = await focused.EvaluateAsync<string>(
            "e => { const s = getComputedStyle(e); return s.outlineStyle + ' ' + s.outlineWidth + ' | ' + s.boxShadow; }");
        var outline = style.Split(" | ")[0];
        var shadow = style.Split(" | ")[1];
        Assert.True(!outline.StartsWith("none", StringComparison.Ordinal) && !outline.EndsWith(" 0px", StringComparison.Ordinal) || shadow != "none",
            $"the focused element shows no focus indicator (outline and shadow: {style})");
    }
}
