using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sandbox.Identity.Data;
using Sandbox.Identity.Login;
using Sandbox.Identity.NationalIds;
using static Sandbox.Identity.Login.LoginPage;

namespace Sandbox.Identity.Apis;

/// <summary>The login pages that the authorization endpoint sends a browser to.</summary>
public static class LoginApi
{
    public sealed class EidForm
    {
        public string? ReturnUrl { get; set; }
        public string? Lang { get; set; }
        public string? PersonaId { get; set; }
        public string? NationalId { get; set; }
        public string? Level { get; set; }
    }

    public sealed class StaffForm
    {
        public string? ReturnUrl { get; set; }
        public string? Lang { get; set; }
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }

    public static IEndpointRouteBuilder MapLoginApi(this IEndpointRouteBuilder app)
    {
        var login = app.MapGroup("/login").WithTags("Login").ExcludeFromDescription();
        login.MapGet("/", Choose);
        app.MapGet("/login.css", () => Results.Text(LoginPage.Css, "text/css; charset=utf-8")).ExcludeFromDescription();
        login.MapGet("/eid/{method}", EidPage);
        login.MapPost("/eid/{method}", EidLogin);
        login.MapGet("/staff", StaffPage);
        login.MapPost("/staff", StaffLogin);
        return app;
    }

    private static IResult Choose(HttpContext http, string? returnUrl, string? lang)
    {
        if (!IsSafe(http, returnUrl)) return BadReturnUrl();
        lang = LoginText.Pick(lang, http.Request.Headers.AcceptLanguage);
        var page = new LoginPage(lang, LoginText.Get(lang, "title"));
        page.Raw($"<nav aria-label=\"{E(page.T("language"))}\">");
        foreach (var l in LoginText.Languages)
        {
            page.Raw($"<a href=\"{http.Request.PathBase}/login?returnUrl={Uri.EscapeDataString(returnUrl!)}&amp;lang={l}\" lang=\"{l}\"{(l == lang ? " aria-current=\"page\"" : "")}>{E(LoginText.LanguageNames[l])}</a>");
        }
        page.Raw($"</nav><h2>{E(page.T("citizen"))}</h2>");
        foreach (var eid in Eids.All)
        {
            page.Raw($"<a class=\"eid\" href=\"{http.Request.PathBase}/login/eid/{eid.Id}?returnUrl={Uri.EscapeDataString(returnUrl!)}&amp;lang={lang}\">{E(eid.DisplayName)}</a>");
        }
        page.Raw($"<h2>{E(page.T("staff"))}</h2><a class=\"eid\" href=\"{http.Request.PathBase}/login/staff?returnUrl={Uri.EscapeDataString(returnUrl!)}&amp;lang={lang}\">{E(page.T("staff"))}</a>");
        return page.ToResult();
    }

    private static async Task<IResult> EidPage(HttpContext http, IdentityStore db, IAntiforgery antiforgery, string method, string? returnUrl, string? lang)
    {
        if (Eids.Find(method) is not { } eid) return TypedResults.NotFound();
        if (!IsSafe(http, returnUrl)) return BadReturnUrl();
        return await RenderEid(http, db, antiforgery, eid, returnUrl!, LoginText.Pick(lang, http.Request.Headers.AcceptLanguage), null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> EidLogin(HttpContext http, IdentityStore db, IAntiforgery antiforgery, Telemetry telemetry,
        TimeProvider clock, string method, [FromForm] EidForm form)
    {
        if (Eids.Find(method) is not { } eid) return TypedResults.NotFound();
        if (!IsSafe(http, form.ReturnUrl)) return BadReturnUrl();
        using var activity = Telemetry.StartLoginActivity(eid.Id);
        var lang = LoginText.Pick(form.Lang, null);
        Persona? persona = null;
        string? error = null;
        if (!string.IsNullOrWhiteSpace(form.NationalId))
        {
            var id = NationalId.Normalize(eid.Country, form.NationalId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            persona = id is null ? null : await db.Personas.FirstOrDefaultAsync(p => p.Country == eid.Country && p.NationalId == id);
            error = id is null ? "noPersona" : persona is null ? "unknownId" : null;
        }
        else if (!string.IsNullOrEmpty(form.PersonaId))
        {
            persona = await db.Personas.FirstOrDefaultAsync(p => p.Id == form.PersonaId && p.Country == eid.Country);
        }
        if (persona is null)
        {
            telemetry.Failure("login", error ?? "noPersona");
            return await RenderEid(http, db, antiforgery, eid, form.ReturnUrl!, lang, LoginText.Get(lang, error ?? "noPersona"), StatusCodes.Status400BadRequest);
        }
        var level = Eids.Levels.Contains(form.Level) ? form.Level! : eid.DefaultLevel;
        await SignInAsync(http, persona.Id, LoginCookie.Persona, level, eid.Id);
        telemetry.Login(eid.Id, eid.Country);
        return Results.Redirect(form.ReturnUrl!);
    }

    private static IResult StaffPage(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? lang) =>
        IsSafe(http, returnUrl)
            ? RenderStaff(http, antiforgery, returnUrl!, LoginText.Pick(lang, http.Request.Headers.AcceptLanguage), null, StatusCodes.Status200OK)
            : BadReturnUrl();

    private static async Task<IResult> StaffLogin(HttpContext http, IAntiforgery antiforgery, UserManager<StaffUser> users, IdentityStore db,
        Telemetry telemetry, [FromForm] StaffForm form)
    {
        if (!IsSafe(http, form.ReturnUrl)) return BadReturnUrl();
        using var activity = Telemetry.StartLoginActivity("password");
        var lang = LoginText.Pick(form.Lang, null);
        var user = string.IsNullOrEmpty(form.UserName) ? null : await users.FindByNameAsync(form.UserName);
        if (user is null || !await users.CheckPasswordAsync(user, form.Password ?? ""))
        {
            telemetry.Failure("login", "bad_password");
            return RenderStaff(http, antiforgery, form.ReturnUrl!, lang, LoginText.Get(lang, "badLogin"), StatusCodes.Status400BadRequest);
        }
        await SignInAsync(http, user.Id, LoginCookie.Staff, Eids.LevelLow, "pwd");
        telemetry.Login("password", (await db.Tenants.FindAsync(user.TenantId))?.Country ?? "");
        return Results.Redirect(form.ReturnUrl!);
    }

    private static Task SignInAsync(HttpContext http, string subject, string kind, string acr, string amr)
    {
        var identity = new ClaimsIdentity([new("sub", subject), new(LoginCookie.KindClaim, kind), new("acr", acr), new("amr", amr)], LoginCookie.Scheme);
        return http.SignInAsync(LoginCookie.Scheme, new ClaimsPrincipal(identity));
    }

    private static async Task<IResult> RenderEid(HttpContext http, IdentityStore db, IAntiforgery antiforgery, Eid eid, string returnUrl, string lang, string? error, int status)
    {
        var choices = await PersonaChoice.LoadAsync(db, eid.Country);
        var page = new LoginPage(lang, eid.DisplayName).Error(error);
        page.Raw($"<form method=\"post\" action=\"{http.Request.PathBase}/login/eid/{eid.Id}\">{Hidden(http, antiforgery, returnUrl, lang)}");
        page.Raw($"<fieldset><legend>{E(page.T("choosePersona"))}</legend>");
        PersonaChoice.Render(page, choices);
        page.Raw($"</fieldset><label for=\"nationalId\">{E(page.T("orTypeId"))}</label>");
        page.Raw($"<input type=\"text\" id=\"nationalId\" name=\"nationalId\" autocomplete=\"off\" inputmode=\"text\"{(error is null ? "" : " aria-describedby=\"error\"")}>");
        page.Raw($"<label for=\"level\">{E(page.T("level"))}</label><select id=\"level\" name=\"level\">");
        foreach (var level in Eids.Levels)
        {
            page.Raw($"<option value=\"{level}\"{(level == eid.DefaultLevel ? " selected" : "")}>{level[(level.LastIndexOf('/') + 1)..]}</option>");
        }
        page.Raw($"</select><p><button type=\"submit\">{E(page.T("signIn"))}</button></p></form>");
        page.Raw($"<p><a href=\"{http.Request.PathBase}/login?returnUrl={Uri.EscapeDataString(returnUrl)}&amp;lang={lang}\">{E(page.T("back"))}</a></p>");
        return page.ToResult(status);
    }

    private static IResult RenderStaff(HttpContext http, IAntiforgery antiforgery, string returnUrl, string lang, string? error, int status)
    {
        var page = new LoginPage(lang, LoginText.Get(lang, "staff")).Error(error);
        page.Raw($"<form method=\"post\" action=\"{http.Request.PathBase}/login/staff\">{Hidden(http, antiforgery, returnUrl, lang)}");
        page.Raw($"<label for=\"userName\">{E(page.T("userName"))}</label><input type=\"text\" id=\"userName\" name=\"userName\" autocomplete=\"username\" required>");
        page.Raw($"<label for=\"password\">{E(page.T("password"))}</label><input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>");
        page.Raw($"<p><button type=\"submit\">{E(page.T("signIn"))}</button></p></form>");
        page.Raw($"<p><a href=\"{http.Request.PathBase}/login?returnUrl={Uri.EscapeDataString(returnUrl)}&amp;lang={lang}\">{E(page.T("back"))}</a></p>");
        return page.ToResult(status);
    }

    private static string Hidden(HttpContext http, IAntiforgery antiforgery, string returnUrl, string lang)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{E(tokens.RequestToken!)}\">" +
               $"<input type=\"hidden\" name=\"returnUrl\" value=\"{E(returnUrl)}\"><input type=\"hidden\" name=\"lang\" value=\"{lang}\">";
    }

    /// <summary>Only the authorization endpoint of this service may be returned to (no open redirect).</summary>
    private static bool IsSafe(HttpContext http, string? returnUrl) =>
        returnUrl is not null
        && returnUrl.StartsWith(http.Request.PathBase + "/connect/authorize", StringComparison.Ordinal)
        && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.Contains('\\');

    private static IResult BadReturnUrl() => TypedResults.Problem(
        "The login must start at the authorization endpoint (returnUrl is missing or points elsewhere).",
        statusCode: StatusCodes.Status400BadRequest, title: "Invalid returnUrl");
}
