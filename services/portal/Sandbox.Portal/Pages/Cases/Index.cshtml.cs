using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sandbox.Portal.Clients;

namespace Sandbox.Portal.Pages.Cases;

/// <summary>The citizen's cases with their status.</summary>
public sealed class IndexModel(WorkflowClient workflow) : PageModel
{
    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Cases = (await workflow.GetMyCasesAsync(ct)).OrderByDescending(c => c.UpdatedAt ?? c.StartedAt).ToList();
}
