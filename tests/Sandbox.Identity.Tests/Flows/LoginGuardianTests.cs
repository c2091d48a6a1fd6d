using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Sandbox.Identity.Tests.Infrastructure;

namespace Sandbox.Identity.Tests.Flows;

/// <summary>The eID page offers guardians first, naming their children, with the first one chosen.</summary>
public sealed partial class LoginGuardianTests(SqliteIdentityFixture fixture) : IClassFixture<SqliteIdentityFixture>
{
    private IdentityApp App => fixture.App;

    [Fact]
    public async Task EidPage_GuardiansFirstWithTheirChildren_FirstGuardianChecked()
    {
        var tenant = await App.CreateTenantAsync("NO");
        var (guardian, children) = await App.CreateFamilyAsync(tenant);
        var (clientId, _) = await App.CreateClientAsync(tenant, ["openid", "identity"], [Browser.RedirectUri]);
        using var browser = new Browser(App);
        var login = await browser.StartAsync(clientId, "openid identity");
        var returnUrl = QueryHelpers.ParseQuery(login.Query)["returnUrl"].ToString();

        var page = await (await browser.GetAsync($"login/eid/idporten?lang=en&returnUrl={Uri.EscapeDataString(returnUrl)}"))
            .Content.ReadAsStringAsync(Browser.Ct);

        var labels = Label().Matches(page).Select(m => WebUtility.HtmlDecode(m.Value)).ToList();
        Assert.Contains("guardian of", labels[0]);
        Assert.Contains(" checked>", labels[0]);
        Assert.Single(labels, l => l.Contains(" checked>", StringComparison.Ordinal));
        var firstOther = labels.FindIndex(l => !l.Contains("guardian of", StringComparison.Ordinal));
        Assert.True(firstOther < 0 || labels.Skip(firstOther).All(l => !l.Contains("guardian of", StringComparison.Ordinal)));
        var mine = Assert.Single(labels, l => l.Contains($"value=\"{guardian["id"]!.GetValue<string>()}\"", StringComparison.Ordinal));
        Assert.All(children, c => Assert.Contains(c["givenName"]!.GetValue<string>(), mine));
        Assert.Contains("<legend>", page);
    }

    [Fact]
    public async Task EidLogin_SubmittingThePreselectedGuardian_SignsInAsThatGuardian()
    {
        var tenant = await App.CreateTenantAsync("SE");
        var (clientId, secret) = await App.CreateClientAsync(tenant, ["openid", "identity"], [Browser.RedirectUri]);
        using var browser = new Browser(App);
        var login = await browser.StartAsync(clientId, "openid identity");
        var returnUrl = QueryHelpers.ParseQuery(login.Query)["returnUrl"].ToString();
        var page = await (await browser.GetAsync($"login/eid/bankid?returnUrl={Uri.EscapeDataString(returnUrl)}")).Content.ReadAsStringAsync(Browser.Ct);
        var chosen = Checked().Match(page).Groups[1].Value;

        var posted = await browser.PostFormAsync("login/eid/bankid", new Dictionary<string, string>(Browser.Hidden(page)) { ["personaId"] = chosen });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var callback = (await browser.GetAsync(posted.Headers.Location!.ToString().Replace("/identity/", "", StringComparison.Ordinal))).Headers.Location!;
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        var tokens = await Browser.JsonAsync(await browser.RedeemAsync(code, clientId, secret));
        using var client = App.BearerClient(tokens["access_token"]!.GetValue<string>());
        var me = await Browser.JsonAsync(await client.GetAsync("me", Browser.Ct));

        Assert.Equal(chosen, me["subject"]!.GetValue<string>());
        Assert.NotEmpty(me["children"]!.AsArray());
    }

    [GeneratedRegex("<label><input type=\"radio\" name=\"personaId\"[^<]*</label>")]
    private static partial Regex Label();

    [GeneratedRegex("<input type=\"radio\" name=\"personaId\" value=\"([^\"]+)\" checked>")]
    private static partial Regex Checked();
}
