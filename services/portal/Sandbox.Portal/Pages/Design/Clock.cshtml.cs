using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sandbox.Portal.Clients;

namespace Sandbox.Portal.Pages.Design;

/// <summary>The workflow's sandbox clock: see its time, move it forward by days (timers and due dates follow), reset it.</summary>
public sealed class ClockModel(WorkflowClient workflow) : PageModel
{
    public ClockView Clock { get; private set; } = null!;

    [BindProperty]
    public int Days { get; set; } = 1;

    public bool Invalid { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Clock = await workflow.GetClockAsync(ct);

    public async Task<IActionResult> OnPostAdvanceAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || Days is < 1 or > 3650)
        {
            Invalid = true;
            Clock = await workflow.GetClockAsync(ct);
            return Page();
        }
        await workflow.AdvanceClockAsync(Days, ct);
        return Redirect("/design/clock");
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        await workflow.ResetClockAsync(ct);
        return Redirect("/design/clock");
    }
}
