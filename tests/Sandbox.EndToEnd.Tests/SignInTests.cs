using System.Net;
using System.Text.RegularExpressions;

namespace Sandbox.EndToEnd.Tests;

/// <summary>
/// A browser signs in through the gateway (OIDC code flow against identity) and then calls the
/// services with only its session cookie: the gateway adds the user's bearer token.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed partial class SignInTests(SandboxApp sandbox)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignedInCaseworker_ReachesOwnTenantOnly_WithTheSessionCookieAlone()
    {
        using var browser = Browser();

        await SignInAsStaffAsync(browser, "uppsala-caseworker");
        using var own = await browser.GetAsync("/api/forms/tenants/uppsala/submissions", Cancel);
        using var other = await browser.GetAsync("/api/forms/tenants/bergen/submissions", Cancel);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task Api_WithoutSession_Answers401()
    {
        using var browser = Browser();

        using var response = await browser.GetAsync("/api/forms/tenants/uppsala/submissions", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var browser = Browser();
        await SignInAsStaffAsync(browser, "uppsala-caseworker");

        using var signOut = await browser.PostAsync("/signout", null, Cancel);
        using var after = await browser.GetAsync("/api/forms/tenants/uppsala/submissions", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task SignIn_ReturnUrlOffSite_GoesHomeInstead()
    {
        using var browser = Browser();

        var landed = await SignInAsStaffAsync(browser, "uppsala-caseworker", returnUrl: "https://evil.example/");

        Assert.Equal("/", landed);
    }

    [Fact]
    public async Task SignInCallback_Forged_Answers400()
    {
        using var browser = Browser();

        using var response = await browser.GetAsync("/signin-oidc?code=forged&state=forged", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    // Cookies are per host, and identity names "localhost" in its redirects: the browser uses it too.
    private HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true })
        { BaseAddress = new Uri($"http://localhost:{sandbox.Gateway.Port}") };

    /// <summary>Follows the code flow by hand, filling identity's staff form; returns where it lands.</summary>
    private static async Task<string> SignInAsStaffAsync(HttpClient browser, string userName, string returnUrl = "/")
    {
        var location = await RedirectAsync(browser, $"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");   // → authorize
        location = await RedirectAsync(browser, location);                                                    // → login chooser
        var identityReturn = Regex.Match(location, "returnUrl=([^&]+)").Groups[1].Value;
        var page = await browser.GetStringAsync($"/identity/login/staff?returnUrl={identityReturn}", Cancel);
        var fields = HiddenField().Matches(page).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["userName"] = userName;
        fields["password"] = "Sandbox-Test-1";
        using var posted = await browser.PostAsync("/identity/login/staff", new FormUrlEncodedContent(fields), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        location = await RedirectAsync(browser, posted.Headers.Location!.ToString());   // authorize → /signin-oidc
        return await RedirectAsync(browser, location);                                  // /signin-oidc → return URL
    }

    private static async Task<string> RedirectAsync(HttpClient browser, string url)
    {
        using var response = await browser.GetAsync(url, Cancel);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        return response.Headers.Location!.ToString();
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}
