using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sandbox.Portal.Clients;

namespace Sandbox.Portal.Pages.Design;

/// <summary>Asks before retiring a published e-service version (citizens can then no longer start it), then retires it.</summary>
public sealed class RetireModel(WorkflowClient workflow) : PageModel
{
    public string Name { get; private set; } = "";

    public int Version { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, int version, CancellationToken ct)
    {
        var detail = await workflow.GetEServiceAsync(id, ct);
        if (detail.Versions?.Any(v => v.Version == version) != true) return NotFound();
        (Name, Version) = (detail.Current?.NameIn(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? detail.Id, version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, int version, CancellationToken ct)
    {
        await workflow.RetireEServiceAsync(id, version, ct);
        return Redirect(IndexModel.ChangedUrl("retired", id, version));
    }
}
