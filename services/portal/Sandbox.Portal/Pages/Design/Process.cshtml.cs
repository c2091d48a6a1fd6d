using Microsoft.AspNetCore.Mvc.RazorPages;
using Sandbox.Portal.Clients;

namespace Sandbox.Portal.Pages.Design;

/// <summary>A process diagram (bpmn-js viewer, loaded by wwwroot/js/diagram.js) with tokens per element, also as a table.</summary>
public sealed class ProcessModel(WorkflowClient workflow) : PageModel
{
    public long Key { get; private set; }

    public IReadOnlyList<ElementStatistics> Statistics { get; private set; } = [];

    public async Task OnGetAsync(long key, CancellationToken ct)
    {
        Key = key;
        Statistics = await workflow.GetStatisticsAsync(key, ct);
    }

    /// <summary>The BPMN XML for the viewer, served through the portal so the script needs no API knowledge.</summary>
    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetXmlAsync(long key, CancellationToken ct) =>
        Content(await workflow.GetProcessXmlAsync(key, ct), "application/xml");

    /// <summary>Statistics as JSON for the viewer's overlays.</summary>
    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetStatisticsAsync(long key, CancellationToken ct) =>
        new Microsoft.AspNetCore.Mvc.JsonResult(await workflow.GetStatisticsAsync(key, ct));
}
