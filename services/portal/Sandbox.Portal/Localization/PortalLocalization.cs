using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Sandbox.Portal.Localization;

public static class PortalLocalization
{
    /// <summary>Languages citizens can choose; the first is the default.</summary>
    public static readonly string[] Languages = ["sv", "nb", "fi", "en"];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Nordic letters stay letters in the HTML instead of becoming numeric entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Languages[0]).AddSupportedCultures(Languages).AddSupportedUICultures(Languages);
            o.FallBackToParentUICultures = true;
        });
        return services;
    }

    /// <summary>
    /// <c>GET /language/{lang}?returnUrl=/x</c> remembers the choice in a cookie and goes back:
    /// a plain link, so switching works without JavaScript.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language/{lang}", SwitchLanguage).ExcludeFromDescription();
        return app;
    }

    private static Results<RedirectHttpResult, ProblemHttpResult> SwitchLanguage(string lang, string? returnUrl, HttpContext context)
    {
        if (!Languages.Contains(lang))
        {
            return TypedResults.Problem($"Language '{lang}' is not offered. Choose one of: {string.Join(", ", Languages)}.",
                statusCode: StatusCodes.Status400BadRequest, title: "Unknown language");
        }
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(lang)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        var target = returnUrl is not null && IsLocal(returnUrl) ? returnUrl : "/";
        return TypedResults.LocalRedirect(target);
    }

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
