using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sandbox.Portal.Clients;

namespace Sandbox.Portal.Pages.Design;

/// <summary>E-services and their versions; deploy a package (zip) by upload.</summary>
public sealed class IndexModel(WorkflowClient workflow) : PageModel
{
    /// <summary>Largest package accepted by the upload form.</summary>
    public const long MaxPackageBytes = 20 * 1024 * 1024;

    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public IReadOnlyList<IGrouping<string, EServiceView>> EServices { get; private set; } = [];

    /// <summary>Messages of a refused package (file and reason).</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public bool Deployed { get; private set; }

    public async Task OnGetAsync(bool deployed, CancellationToken ct)
    {
        Deployed = deployed;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? package, CancellationToken ct)
    {
        if (package is null || package.Length == 0 || package.Length > MaxPackageBytes)
        {
            Problems = ["package"];
        }
        else
        {
            await using var stream = package.OpenReadStream();
            var refused = await workflow.DeployPackageAsync(stream, ct);
            if (refused is null) return Redirect("/design?deployed=true");
            Problems = refused.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")).DefaultIfEmpty(refused.Title ?? "").ToList();
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        EServices = (await workflow.GetEServicesAsync(null, ct)).OrderBy(e => e.Id).ThenByDescending(e => e.Version)
            .GroupBy(e => e.Id).ToList();
}
