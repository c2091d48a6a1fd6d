using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sandbox.Forms.Rendering;
using Sandbox.Portal.Clients;

namespace Sandbox.Portal.Pages.Work;

/// <summary>A task with the case's application, attachments and history; claim, give back, decide with the review form.</summary>
public sealed class TaskModel(WorkflowClient workflow, FormsClient forms) : PageModel
{
    /// <summary>Prefix of the review form's input names.</summary>
    public const string FieldPrefix = "r.";

    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public TaskView Item { get; private set; } = null!;

    public CaseDetail? Case { get; private set; }

    public SubmissionView? Submission { get; private set; }

    public string? AnswersHtml { get; private set; }

    public FormDefinition? ReviewForm { get; private set; }

    public JsonObject ReviewData { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>A message that is not about one field (e.g. the decision was refused).</summary>
    public string? Refusal { get; private set; }

    public bool MineToDecide => Item.Assignee == User.FindFirstValue("sub");

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostClaimAsync(long id, CancellationToken ct)
    {
        await workflow.ClaimAsync(id, ct);
        return Redirect($"/work/tasks/{id}");
    }

    public async Task<IActionResult> OnPostUnclaimAsync(long id, CancellationToken ct)
    {
        await workflow.UnclaimAsync(id, ct);
        return Redirect("/work");
    }

    public async Task<IActionResult> OnPostCompleteAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (ReviewForm is not null)
        {
            var posted = Request.Form.Where(p => p.Key.StartsWith(FieldPrefix, StringComparison.Ordinal));
            ReviewData = FormPost.Bind(ReviewForm.Schema, posted, [], null, FieldPrefix);
        }
        var result = await workflow.CompleteAsync(id, ReviewData, ct);
        if (result is null) return Redirect($"/work/tasks/{id}/done?instanceId={Uri.EscapeDataString(Item.InstanceId)}");
        Errors = result.Errors;
        Refusal = result.Any ? null : result.Title;
        return Page();
    }

    /// <summary>The review form's fields as HTML.</summary>
    public string ReviewHtml() => FormRenderer.Render(new RenderRequest(ReviewForm!.Schema, Language)
    {
        Data = ReviewData,
        Errors = Errors,
        FieldPrefix = FieldPrefix,
    });

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        Item = (await workflow.GetTaskAsync(id, ct)).Task;
        Case = await workflow.GetCaseAsync(Item.InstanceId, ct);
        var submissionId = Item.SubmissionId ?? Case.SubmissionId;
        if (submissionId is not null)
        {
            Submission = await forms.GetSubmissionAsync(submissionId, ct);
            var schema = (await forms.GetDefinitionAsync(Submission.FormId, Language, ct)).Schema;
            var attachments = (Submission.Attachments ?? []).ToDictionary(a => a.Id, a => new AttachmentInfo(a.Id, a.FileName, a.Size));
            AnswersHtml = AnswersRenderer.Render(schema, Submission.Data ?? [], Language, attachments);
        }
        if (Item.FormId is { } formId) ReviewForm = await forms.GetDefinitionAsync(formId, Language, ct);
    }
}
