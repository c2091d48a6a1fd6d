using Microsoft.AspNetCore.Mvc.RazorPages;
using Sandbox.Portal.Clients;

namespace Sandbox.Portal.Pages.Work;

/// <summary>After a decision: where the case went next.</summary>
public sealed class DoneModel(WorkflowClient workflow) : PageModel
{
    public CaseDetail Case { get; private set; } = null!;

    /// <summary>Steps the case is in now (entered, not left).</summary>
    public IReadOnlyList<HistoryEntry> Current { get; private set; } = [];

    public async Task OnGetAsync(string instanceId, CancellationToken ct)
    {
        Case = await workflow.GetCaseAsync(instanceId, ct);
        Current = (Case.History ?? []).Where(h => h.LeftAt is null).ToList();
    }
}
