using Microsoft.Playwright;

namespace Sandbox.EndToEnd.Tests.Browser;

/// <summary>The axe helper itself: it passes a sound page and names what is wrong on a faulty one.</summary>
public sealed class AccessibilityCheckTests(ChromiumBrowser chromium) : IAsyncDisposable
{
    private IBrowserContext? _context;

    [Fact]
    public async Task FaultyPage_FailsWithEachRuleItsImpactAndWhere()
    {
        var page = await OpenAsync("""<html><head><title>t</title></head><body><main><img src="x.png" id="photo"><input id="name"></main></body></html>""");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Accessibility.AssertAccessibleAsync(page, "planted faults", summarize: false));

        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#photo", failure.Message, StringComparison.Ordinal);
        Assert.Contains("html-has-lang (serious)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label (critical)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SoundPage_Passes()
    {
        var page = await OpenAsync("""<html lang="en"><head><title>t</title></head><body><main><h1>Hi</h1><img src="x.png" alt="A bus"><label for="name">Name</label><input id="name"></main></body></html>""");

        await Accessibility.AssertAccessibleAsync(page, "sound page", summarize: false);
    }

    private async Task<IPage> OpenAsync(string html)
    {
        _context = await (await chromium.GetAsync()).NewContextAsync();
        var page = await _context.NewPageAsync();
        await page.SetContentAsync(html);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
    }
}
