using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Sandbox.Identity.Login;

/// <summary>
/// The browser session at the identity service after a simulated eID or staff login. It holds
/// only who signed in and how; token claims are read fresh from the store when tokens are issued.
/// </summary>
public static class LoginCookie
{
    public const string Scheme = "Sandbox.Login";

    /// <summary>Which store the subject lives in: <see cref="Persona"/> or <see cref="Staff"/>.</summary>
    public const string KindClaim = "sandbox_kind";
    public const string Persona = "persona";
    public const string Staff = "staff";

    public static AuthenticationBuilder AddLoginCookie(this AuthenticationBuilder auth) =>
        auth.AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "sandbox.identity.login";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.LoginPath = "/login";
            o.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
        });
}
