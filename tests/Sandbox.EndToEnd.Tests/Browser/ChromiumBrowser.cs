using Microsoft.Playwright;
using Sandbox.Testing;

[assembly: AssemblyFixture(typeof(Sandbox.EndToEnd.Tests.Browser.ChromiumBrowser))]

namespace Sandbox.EndToEnd.Tests.Browser;

/// <summary>
/// One headless Chromium for the whole run, launched by the first browser test that asks for it:
/// Debian's build (no browser download works on the build machines), driven by the Playwright
/// driver that ships inside the NuGet package. Tests that need no browser never start it.
/// </summary>
public sealed class ChromiumBrowser : IAsyncDisposable
{
    /// <summary>Overrides where Chromium is looked for.</summary>
    public const string PathVariable = "SANDBOX_CHROMIUM";

    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The Chromium executable used.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The running browser; skips the test (fails it under SANDBOX_REQUIRE_ALL=1) when Chromium is not installed.</summary>
    public async Task<IBrowser> GetAsync()
    {
        Prerequisite.Require(File.Exists(ExecutablePath)
            ? null
            : $"Chromium is not installed at {ExecutablePath} (apt-get install chromium, or set {PathVariable})");
        await _gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true }) return _browser;
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Args,
            });
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the browser and stops the driver.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _gate.Dispose();
    }
}
