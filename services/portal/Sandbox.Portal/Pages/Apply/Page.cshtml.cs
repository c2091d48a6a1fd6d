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

    public FormPage Current => State.Pages[Number - 1];

    public async Task<IActionResult> OnGetAsync(string formId, int number, bool saved, CancellationToken ct)
    {
        (FormId, Number, Saved) = (formId, number, saved);
        State = await application.LoadAsync(formId, Language, ct);
        return number < 1 || number > State.Pages.Count ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string formId, int number, string? action, CancellationToken ct)
    {
        (FormId, Number) = (formId, number);
        State = await application.LoadAsync(formId, Language, ct);
        if (number < 1 || number > State.Pages.Count) return NotFound();
        State = await application.SavePageAsync(State, number - 1, Request.Form, ct);
        if (action == "save") return Redirect($"/apply/{formId}/{number}?saved=true");
        Errors = await application.ValidateAsync(State, number - 1, ct);
        if (Errors.Count > 0) return Page();
        return Redirect(number < State.Pages.Count ? $"/apply/{formId}/{number + 1}" : $"/apply/{formId}/check");
    }

    /// <summary>The fields of this page as HTML.</summary>
    public string FieldsHtml() => FormRenderer.Render(new RenderRequest(State.Definition.Schema, Language)
    {
        Data = State.Data,
        Errors = Errors,
        Page = Current.Index,
        Attachments = State.Attachments,
        FieldPrefix = ApplicationForm.FieldPrefix,
    });
}
