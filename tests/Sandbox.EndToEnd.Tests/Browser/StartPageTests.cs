using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sandbox.EndToEnd.Tests.Browser;

/// <summary>The portal's start page as a citizen's browser shows it, in each of the four languages.</summary>
[Collection(SandboxCollection.Name)]
public sealed class StartPageTests(SandboxApp sandbox, ChromiumBrowser chromium) : BrowserTest(sandbox, chromium)
{
    /// <summary>Uppsala's, Bergen's and Tampere's names as identity gives them in each language.</summary>
    private static readonly Dictionary<string, string[]> Municipalities = new()
    {
        ["sv"] = ["Uppsala kommun", "Bergens kommun", "Tammerfors stad"],
        ["nb"] = ["Uppsala kommune", "Bergen kommune", "Tampere by"],
        ["fi"] = ["Uppsalan kunta", "Bergenin kunta", "Tampereen kaupunki"],
        ["en"] = ["Uppsala Municipality", "Bergen Municipality", "City of Tampere"],
    };

    [Theory]
    [InlineData("sv")]
    [InlineData("nb")]
    [InlineData("fi")]
    [InlineData("en")]
    public async Task StartPage_InTheBrowsersLanguage_NamesTheMunicipalities_AndIsAccessible(string language)
    {
        var page = await OpenPageAsync(language);

        await page.GotoAsync("/");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        foreach (var name in Municipalities[language])
        {
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(name);
        }
        await VisitedAsync(page, $"start-{language}");
    }

    [Fact]
    public async Task LanguageSwitcher_ChangesThePageLanguage_AndKeepsIt()
    {
        var page = await OpenPageAsync("en");
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Norsk bokmål", Exact = true }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nb");
        await page.ReloadAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nb");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Bergen kommune");
        await VisitedAsync(page, "switched-to-nb");
    }
}
