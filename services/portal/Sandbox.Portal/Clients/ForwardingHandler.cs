using System.Globalization;
using System.Net.Http.Headers;

namespace Sandbox.Portal.Clients;

/// <summary>
/// Calls the services as the signed-in user: the bearer token the gateway put on the portal's
/// request goes on every outgoing call, with the page's language as <c>Accept-Language</c>.
/// </summary>
internal sealed class ForwardingHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = accessor.HttpContext?.Request.Headers.Authorization.ToString();
        if (!string.IsNullOrEmpty(authorization) && request.Headers.Authorization is null
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
