using Microsoft.Playwright;

namespace Sandbox.EndToEnd.Tests.Browser;

/// <summary>
/// Signing in the way a person does: the gateway's <c>/signin</c> sends the browser to identity's
/// login pages (the simulated eIDs, or the staff form), which send it back signed in.
/// </summary>
public static class SignIn
{
    /// <summary>The password every seeded staff account has in the sandbox (documented in identity's README).</summary>
    public const string StaffPassword = "Sandbox-Test-1";

    private static readonly Dictionary<string, string> EidNames = new()
    {
        ["bankid"] = "BankID", ["freja"] = "Freja eID", ["idporten"] = "ID-porten", ["suomifi"] = "Suomi.fi",
    };

    /// <summary>Opens identity's login chooser through the gateway, to come back to <paramref name="returnUrl"/>.</summary>
    public static async Task OpenLoginAsync(IPage page, string returnUrl = "/")
    {
        await page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/identity/login", StringComparison.Ordinal));
    }

    /// <summary>
    /// From the login chooser: picks the eID (<c>bankid</c>, <c>freja</c>, <c>idporten</c>, <c>suomifi</c>), then the
    /// persona with <paramref name="nationalId"/> (typed in) or else the first one listed, and signs in.
    /// </summary>
    public static async Task CitizenFromChooserAsync(IPage page, string eid, string? nationalId = null)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = EidNames[eid], Exact = true }).ClickAsync();
        if (nationalId is null)
        {
            await page.Locator("input[name=personaId]").First.CheckAsync();
        }
        else
        {
            await page.Locator("#nationalId").FillAsync(nationalId);
        }
        await page.Locator("form button[type=submit]").ClickAsync();
        await WaitUntilBackAsync(page);
    }

    /// <summary>From the login chooser: the staff form with the user name and the sandbox password.</summary>
    public static async Task StaffFromChooserAsync(IPage page, string userName)
    {
        await page.Locator("a[href*='/login/staff']").ClickAsync();
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(StaffPassword);
        await page.Locator("form button[type=submit]").ClickAsync();
        await WaitUntilBackAsync(page);
    }

    /// <summary>Signs a citizen in from wherever the page is and comes back to <paramref name="returnUrl"/>.</summary>
    public static async Task AsCitizenAsync(IPage page, string eid, string? nationalId = null, string returnUrl = "/")
    {
        await OpenLoginAsync(page, returnUrl);
        await CitizenFromChooserAsync(page, eid, nationalId);
    }

    /// <summary>Signs a staff user in and comes back to <paramref name="returnUrl"/>.</summary>
    public static async Task AsStaffAsync(IPage page, string userName, string returnUrl = "/")
    {
        await OpenLoginAsync(page, returnUrl);
        await StaffFromChooserAsync(page, userName);
    }

    /// <summary>The code flow is over once the browser has left identity and the gateway's callback.</summary>
    public static Task WaitUntilBackAsync(IPage page) =>
        page.WaitForURLAsync(url =>
        {
            var path = new Uri(url).AbsolutePath;
            return !path.StartsWith("/identity/", StringComparison.Ordinal) && path != "/signin-oidc" && path != "/signin";
        });
}
