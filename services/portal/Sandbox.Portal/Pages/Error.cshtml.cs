using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sandbox.Portal.Clients;
using Sandbox.Portal.Security;

namespace Sandbox.Portal.Pages;

/// <summary>
/// The friendly error page for failed pages and error statuses. A service that no longer accepts the
/// user's token (401) means the session ran out: the user is sent to sign in again.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    /// <summary>The status shown: 403, 404, 400 or 500/503 for everything else.</summary>
    public int Status { get; private set; }

    /// <summary>The trace id to quote when asking for help.</summary>
    public string TraceId => System.Diagnostics.Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;

    public IActionResult OnGet(int? code) => Handle(code);

    public IActionResult OnPost(int? code) => Handle(code);

    private IActionResult Handle(int? code)
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var original = failure?.Path ?? HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? "/";
        Status = code ?? StatusCodes.Status500InternalServerError;
        if (failure?.Error is ServiceException service)
        {
            if (service.Status == HttpStatusCode.Unauthorized) return Redirect(PortalSecurity.SignInUrl(original));
            logger.LogWarning(service, "The {Service} service failed for {Path} with {Status}", service.Service, original, (int)service.Status);
            Status = service.Status switch
            {
                HttpStatusCode.Forbidden => 403,
                HttpStatusCode.NotFound => 404,
                HttpStatusCode.Conflict => 409,
                _ => 503,
            };
        }
        else if (failure?.Error is HttpRequestException or TaskCanceledException)
        {
            Status = 503;
        }
        Response.StatusCode = Status;
        return Page();
    }
}
