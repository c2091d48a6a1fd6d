using Microsoft.Playwright;

namespace Sandbox.EndToEnd.Tests.Browser;

/// <summary>
/// Base of the browser tests: a fresh browser context (own cookies) for each person in a test, a
/// numbered screenshot of every step, and axe on the pages visited. The browser talks to the
/// gateway as <c>localhost</c>, the host identity names in its redirects, so cookies fit.
/// </summary>
public abstract class BrowserTest(SandboxApp sandbox, ChromiumBrowser chromium) : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Locales = new() { ["sv"] = "sv-SE", ["nb"] = "nb-NO", ["fi"] = "fi-FI", ["en"] = "en-GB" };

    private readonly List<IBrowserContext> _contexts = [];
    private readonly string _testName = Artifacts.CurrentTestName();
    private int _step;

    /// <summary>The sandbox the pages come from.</summary>
    protected SandboxApp Sandbox => sandbox;

    /// <summary>The gateway as a browser reaches it.</summary>
    protected Uri BaseUrl => new($"http://localhost:{sandbox.Gateway.Port}");

    /// <summary>A new person at a new browser: own context and cookies, the browser set to <paramref name="language"/>.</summary>
    protected async Task<IPage> OpenPageAsync(string language = "en")
    {
        var browser = await chromium.GetAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            Locale = Locales[language],
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot as the test's next numbered step.</summary>
    protected async Task StepAsync(IPage page, string step)
    {
        var number = Interlocked.Increment(ref _step);
        var path = Path.Combine(Artifacts.Root, _testName, $"{number:00}-{Artifacts.FileName(step)}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    /// <summary>A page a citizen or caseworker sees: screenshot, then axe (no serious or critical violations).</summary>
    protected async Task VisitedAsync(IPage page, string step)
    {
        await StepAsync(page, step);
        await Accessibility.AssertAccessibleAsync(page, step);
    }

    /// <summary>Nothing to prepare: contexts are opened by the test as it needs them.</summary>
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>Keeps a last screenshot of every page when the test failed, then closes the contexts.</summary>
    public async ValueTask DisposeAsync()
    {
        var failed = TestContext.Current.TestState?.Result == TestResult.Failed;
        foreach (var context in _contexts)
        {
            if (failed)
            {
                foreach (var page in context.Pages.Where(p => !p.IsClosed))
                {
                    await StepAsync(page, "failed-here");
                }
            }
            await context.CloseAsync();
        }
        GC.SuppressFinalize(this);
    }
}
