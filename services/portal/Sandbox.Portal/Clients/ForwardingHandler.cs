using System.Globalization;
using System.Net.Http.Headers;

namespace Sandbox.Portal.Clients;

/// <summary>
/// Calls the services as the signed-in user: the bearer token the gateway put on the portal's
/// request goes on every outgoing call, with the page's language as <c>Accept-Language</c>.
/// </summary>
internal sealed class ForwardingHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    /// <summary>Set on a request that must go without the user's token (a public list for a named tenant).</summary>
    public static readonly HttpRequestOptionsKey<bool> Anonymous = new("sandbox-anonymous");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = accessor.HttpContext?.Request.Headers.Authorization.ToString();
        var anonymous = request.Options.TryGetValue(Anonymous, out var value) && value;
        if (!anonymous && !string.IsNullOrEmpty(authorization) && request.Headers.Authorization is null
            && AuthenticationHeaderValue.TryParse(authorization, out var header))
        {
            request.Headers.Authorization = header;
        }
        if (request.Headers.AcceptLanguage.Count == 0)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName));
        }
        return base.SendAsync(request, cancellationToken);
    }
}
