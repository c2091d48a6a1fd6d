using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sandbox.EndToEnd.Tests.Browser;

/// <summary>
/// Signing in with a real browser: the gateway's /signin, identity's login pages in the browser's
/// language, and back to the portal with a session that the APIs accept.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class SignInPageTests(SandboxApp sandbox, ChromiumBrowser chromium) : BrowserTest(sandbox, chromium)
{
    [Fact]
    public async Task Citizen_SignsInWithIdPorten_InNorwegian_AndComesBackWithASession()
    {
        var page = await OpenPageAsync("nb");
        await page.GotoAsync("/");
        var before = await page.APIRequest.GetAsync("/api/forms/submissions/mine");

        await SignIn.OpenLoginAsync(page);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nb");
        await VisitedAsync(page, "login-chooser");
        await page.GetByRole(AriaRole.Link, new() { Name = "ID-porten", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Velg en testperson" })).ToBeVisibleAsync();
        await VisitedAsync(page, "idporten-personas");
        await page.Locator("input[name=personaId]").First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await SignIn.WaitUntilBackAsync(page);

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        await VisitedAsync(page, "back-signed-in");
        var after = await page.APIRequest.GetAsync("/api/forms/submissions/mine");
        Assert.Equal(401, before.Status);
        Assert.Equal(200, after.Status);
    }

    [Fact]
    public async Task Caseworker_SignsInWithThePassword_AndReachesOwnTenantOnly()
    {
        var page = await OpenPageAsync("nb");

        await SignIn.OpenLoginAsync(page, "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Logg inn som ansatt" }).ClickAsync();
        await page.GetByLabel("Brukernavn").FillAsync("bergen-caseworker");
        await page.GetByLabel("Passord").FillAsync(SignIn.StaffPassword);
        await VisitedAsync(page, "staff-login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await SignIn.WaitUntilBackAsync(page);

        await StepAsync(page, "back-signed-in");
        var own = await page.APIRequest.GetAsync("/api/forms/tenants/bergen/submissions");
        var other = await page.APIRequest.GetAsync("/api/forms/tenants/uppsala/submissions");
        Assert.Equal(200, own.Status);
        Assert.Equal(403, other.Status);
    }

    [Fact]
    public async Task Staff_WithTheWrongPassword_StaysOnTheLoginPage_WithTheErrorAnnounced()
    {
        var page = await OpenPageAsync("en");

        await SignIn.OpenLoginAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in as staff" }).ClickAsync();
        await page.GetByLabel("User name").FillAsync("bergen-caseworker");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong user name or password.");
        await VisitedAsync(page, "wrong-password");
        Assert.StartsWith("/identity/login/staff", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }
}
