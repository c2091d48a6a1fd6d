using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sandbox.Portal.Clients;

namespace Sandbox.Portal.Pages.Cases;

/// <summary>One of the citizen's cases: status and the steps it went through.</summary>
public sealed class DetailModel(WorkflowClient workflow) : PageModel
{
    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public CaseDetail Case { get; private set; } = null!;

    public async Task OnGetAsync(string instanceId, CancellationToken ct) => Case = await workflow.GetCaseAsync(instanceId, ct);
}
