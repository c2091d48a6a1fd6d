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

    /// <summary>Each published e-service (its newest version) with every stored version.</summary>
    public IReadOnlyList<(EServiceView Current, IReadOnlyList<EServiceVersion> Versions)> EServices { get; private set; } = [];

    /// <summary>Process keys by BPMN process id and version, for the diagram links.</summary>
    public IReadOnlyDictionary<(string, int), ProcessVersionView> Processes { get; private set; } = new Dictionary<(string, int), ProcessVersionView>();

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

    private async Task LoadAsync(CancellationToken ct)
    {
        var list = new List<(EServiceView, IReadOnlyList<EServiceVersion>)>();
        foreach (var service in await workflow.GetEServicesAsync(ct))
        {
            var detail = await workflow.GetEServiceAsync(service.Id, ct);
            list.Add((service, detail.Versions ?? []));
        }
        EServices = list;
        Processes = (await workflow.GetProcessesAsync(ct)).DistinctBy(p => (p.BpmnProcessId, p.Version)).ToDictionary(p => (p.BpmnProcessId, p.Version));
    }

    /// <summary>The diagram address of a version's process, or null when the process is unknown.</summary>
    public string? DiagramUrl(EServiceVersion version) =>
        Processes.TryGetValue((version.BpmnProcessId, version.ProcessVersion), out var process) ? $"/design/processes/{process.Key}" : null;
}
