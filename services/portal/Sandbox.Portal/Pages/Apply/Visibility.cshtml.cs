using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sandbox.Forms.Rendering;

namespace Sandbox.Portal.Pages.Apply;

/// <summary>
/// Which components of an application page are hidden for the answers being typed, for <c>wwwroot/js/conditions.js</c>:
/// the page's posted fields (as the browser would post the page) on top of the saved draft (loaded without the
/// e-service title, which the answer does not need), evaluated by
/// <see cref="FormRenderer.HiddenComponents"/> with the form's own FEEL rules. Nothing is saved.
/// Same sign-in and antiforgery token as the page itself.
/// </summary>
public sealed class VisibilityModel(ApplicationForm application) : PageModel
{
    /// <summary>The answer: the <c>data-conditional</c> addresses of the page's hidden components.</summary>
    public sealed record Answer(IReadOnlyList<string> Hidden);

    /// <summary>Only POST is offered.</summary>
    public IActionResult OnGet() => StatusCode(StatusCodes.Status405MethodNotAllowed);

    public async Task<IActionResult> OnPostAsync(string formId, int number, CancellationToken ct)
    {
        if (!Request.HasFormContentType) return BadRequestProblem("Send the page's fields as a form (application/x-www-form-urlencoded or multipart/form-data).");
        var state = await application.LoadAnswersAsync(formId, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        if (number < 1 || number > state.Pages.Count) return BadRequestProblem($"The form has {state.Pages.Count} page(s) to fill in; there is no page {number}.");
        var page = state.Pages[number - 1];
        // "Add another" and "remove" act only when the page is sent; here the rows stay where the page shows them.
        var posted = Request.Form.Where(p => p.Key.StartsWith(ApplicationForm.FieldPrefix, StringComparison.Ordinal)
            && p.Key != ApplicationForm.FieldPrefix + FormPost.AddAnother && p.Key != ApplicationForm.FieldPrefix + FormPost.RemoveRow);
        var data = FormPost.Bind(state.Definition.Schema, posted, state.Data, page.Index, ApplicationForm.FieldPrefix);
        return new JsonResult(new Answer(FormRenderer.HiddenComponents(state.Definition.Schema, data, page.Index)));
    }

    private ObjectResult BadRequestProblem(string detail) => new(new ProblemDetails
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Bad request",
        Detail = detail,
        Instance = Request.Path,
    })
    {
        StatusCode = StatusCodes.Status400BadRequest,
        ContentTypes = { "application/problem+json" },
    };
}
