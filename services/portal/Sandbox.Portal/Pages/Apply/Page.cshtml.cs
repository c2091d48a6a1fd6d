using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sandbox.Forms.Rendering;

namespace Sandbox.Portal.Pages.Apply;

/// <summary>One page of a citizen's application: shows the fields, saves the draft on every post, validates the page.</summary>
public sealed class FormPageModel(ApplicationForm application) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public ApplicationState State { get; private set; } = null!;

    /// <summary>The page number in the address, 1-based.</summary>
    public int Number { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>True after "save and continue later".</summary>
    public bool Saved { get; private set; }

    public string FormId { get; private set; } = "";

    public FormPage Current { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string formId, int number, bool saved, CancellationToken ct)
    {
        (FormId, Number, Saved) = (formId, number, saved);
        State = await application.LoadAsync(formId, Language, ct);
        if (number < 1 || number > State.Pages.Count) return NotFound();
        Current = State.Pages[number - 1];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string formId, int number, string? action, CancellationToken ct)
    {
        (FormId, Number) = (formId, number);
        State = await application.LoadAsync(formId, Language, ct);
        if (number < 1 || number > State.Pages.Count) return NotFound();
        var page = Current = State.Pages[number - 1];
        State = await application.SavePageAsync(State, page, Request.Form, ct);
        if (action == "save") return Redirect($"/apply/{formId}/{number}?saved=true");
        // "Add another" on a dynamic list: the same page again, now with an empty row.
        if (FormPost.AddAnotherPath(Request.Form, ApplicationForm.FieldPrefix) is not null) return Redirect($"/apply/{formId}/{number}");
        Errors = await application.ValidateAsync(State, page, ct);
        if (Errors.Count > 0)
        {
            Number = Math.Max(1, State.Pages.ToList().FindIndex(p => p.Index == page.Index) + 1);
            return Page();
        }
        return Redirect(ApplicationForm.NextNumber(State, page) is { } next ? $"/apply/{formId}/{next}" : $"/apply/{formId}/check");
    }

    /// <summary>The fields of this page as HTML.</summary>
    public string FieldsHtml() => FormRenderer.Render(new RenderRequest(State.Definition.Schema, Language)
    {
        Data = State.Data,
        Errors = Errors,
        Page = Current.Index,
        Attachments = State.Attachments,
        FieldPrefix = ApplicationForm.FieldPrefix,
        LiveConditions = true,
    });
}
