using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Sandbox.Gateway.SignIn;

/// <summary>
/// A session lasts as long as its access token: after that the browser signs in again (single
/// sign-on at identity makes that a redirect, not a form), so the services never get a stale token.
/// </summary>
internal static class SessionExpiry
{
    public static async Task RejectWhenTokenExpiredAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is not null && DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry)
            && expiry <= (context.HttpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow())
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
