using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Sandbox.Forms.Rendering;
using Sandbox.Portal.Clients;

namespace Sandbox.Portal.Pages.Apply;

/// <summary>Check your answers, then submit; the receipt carries the reference.</summary>
public sealed class CheckModel(ApplicationForm application, FormsClient forms) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public ApplicationState State { get; private set; } = null!;

    public string FormId { get; private set; } = "";

    /// <summary>Sent back with the submit so that a double click submits once.</summary>
    [BindProperty]
    public string SubmitKey { get; set; } = "";

    /// <summary>Errors the submit answered with, each linked to the page of its field.</summary>
    public IReadOnlyList<(string Message, string Href)> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string formId, CancellationToken ct)
    {
        FormId = formId;
        State = await application.LoadAsync(formId, Language, ct);
        if (State.Etag is null) return Redirect($"/apply/{formId}/1");
        SubmitKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string formId, CancellationToken ct)
    {
        FormId = formId;
        State = await application.LoadAsync(formId, Language, ct);
        if (State.Etag is null) return Redirect($"/apply/{formId}/1");
        if (SubmitKey.Length is 0 or > 100) SubmitKey = Guid.NewGuid().ToString("N");
        var result = await forms.SubmitAsync(formId, ApplicationForm.Stored(State.Data), SubmitKey, ct);
        if (result.Receipt is { } receipt)
        {
            return Redirect($"/apply/{formId}/receipt?reference={Uri.EscapeDataString(receipt.Reference)}");
        }
        var errors = result.Errors!;
        Errors = errors.Errors.SelectMany(e => e.Value.Select(m => (m,
            $"/apply/{formId}/{ApplicationForm.PageOf(State, e.Key) + 1}#{ApplicationForm.FieldId(e.Key)}"))).ToList();
        if (Errors.Count == 0) Errors = [(errors.Title ?? "", $"/apply/{formId}/1")];
        return Page();
    }

    /// <summary>The answers as a description list.</summary>
    public string AnswersHtml() => AnswersRenderer.Render(State.Definition.Schema, State.Data, Language, State.Attachments);
}
