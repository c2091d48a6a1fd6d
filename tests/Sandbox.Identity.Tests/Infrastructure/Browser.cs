using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Sandbox.Identity.Tests.Infrastructure;

/// <summary>Plays a browser through the code flow with PKCE: authorize, the login page's form, the redirect with the code.</summary>
public sealed partial class Browser(IdentityApp app) : IDisposable
{
    public const string RedirectUri = "http://127.0.0.1:9/callback";
    private readonly HttpClient http = app.NewClient(cookies: true);

    public string Verifier { get; } = Base64Url(RandomNumberGenerator.GetBytes(32));

    public string Challenge => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public string AuthorizeUrl(string clientId, string scope = "openid profile offline_access forms", string redirectUri = RedirectUri) =>
        QueryHelpers.AddQueryString("connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["response_type"] = "code", ["scope"] = scope,
            ["code_challenge"] = Challenge, ["code_challenge_method"] = "S256", ["state"] = "s-123",
        });

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url, Ct);

    /// <summary>From authorize to the login form; returns the login page's URL.</summary>
    public async Task<Uri> StartAsync(string clientId, string scope = "openid profile offline_access forms")
    {
        var authorize = await http.GetAsync(AuthorizeUrl(clientId, scope), Ct);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        return new Uri(app.BaseAddress, authorize.Headers.Location!);
    }

    /// <summary>Signs in with a simulated eID by typing the national id; returns the authorization code.</summary>
    public async Task<string> LoginWithEidAsync(string clientId, string method, string nationalId, string? level = null,
        string scope = "openid profile offline_access forms")
    {
        var login = await StartAsync(clientId, scope);
        var returnUrl = QueryHelpers.ParseQuery(login.Query)["returnUrl"].ToString();
        var page = await http.GetAsync($"login/eid/{method}?returnUrl={Uri.EscapeDataString(returnUrl)}", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var fields = new Dictionary<string, string>(Hidden(await page.Content.ReadAsStringAsync(Ct))) { ["nationalId"] = nationalId };
        if (level is not null) fields["level"] = level;
        return await SubmitAndFollowAsync($"login/eid/{method}", fields);
    }

    public async Task<string> LoginAsStaffAsync(string clientId, string userName, string password)
    {
        var login = await StartAsync(clientId);
        var returnUrl = QueryHelpers.ParseQuery(login.Query)["returnUrl"].ToString();
        var page = await http.GetAsync($"login/staff?returnUrl={Uri.EscapeDataString(returnUrl)}", Ct);
        var fields = new Dictionary<string, string>(Hidden(await page.Content.ReadAsStringAsync(Ct))) { ["userName"] = userName, ["password"] = password };
        return await SubmitAndFollowAsync("login/staff", fields);
    }

    public Task<HttpResponseMessage> PostFormAsync(string url, IDictionary<string, string> fields) =>
        http.PostAsync(url, new FormUrlEncodedContent(fields), Ct);

    /// <summary>Exchanges a code at the token endpoint.</summary>
    public Task<HttpResponseMessage> RedeemAsync(string code, string clientId, string? secret, string? verifier = null, string redirectUri = RedirectUri)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri,
            ["client_id"] = clientId, ["code_verifier"] = verifier ?? Verifier,
        };
        if (secret is not null) form["client_secret"] = secret;
        return PostFormAsync("connect/token", form);
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();

    /// <summary>The hidden fields of the page's form (antiforgery token, returnUrl, lang).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Hidden(string html) =>
        HiddenField().Matches(html).Select(m => KeyValuePair.Create(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));

    private async Task<string> SubmitAndFollowAsync(string url, Dictionary<string, string> fields)
    {
        var posted = await http.PostAsync(url, new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var authorize = await http.GetAsync(new Uri(app.BaseAddress, posted.Headers.Location!), Ct);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var callback = authorize.Headers.Location!;
        Assert.StartsWith(RedirectUri, callback.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("s-123", query["state"].ToString());
        return query["code"].ToString();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();

    public void Dispose() => http.Dispose();
}
