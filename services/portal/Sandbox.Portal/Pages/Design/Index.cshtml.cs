using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sandbox.Portal.Clients;

namespace Sandbox.Portal.Pages.Design;

/// <summary>E-services and their versions; publish a version, go to retire one; deploy a package (zip) by upload.</summary>
public sealed class IndexModel(WorkflowClient workflow, IStringLocalizer<SharedResource> texts) : PageModel
{
    /// <summary>Largest package accepted by the upload form.</summary>
    public const long MaxPackageBytes = 20 * 1024 * 1024;

    /// <summary>An e-service with every stored version, newest first.</summary>
    public sealed record EServiceEntry(string Id, string Name, string? StartForm, IReadOnlyList<EServiceVersion> Versions);

    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>Every e-service of the tenant, also those with no published version left.</summary>
    public IReadOnlyList<EServiceEntry> EServices { get; private set; } = [];

    /// <summary>Process keys by BPMN process id and version, for the diagram links.</summary>
    public IReadOnlyDictionary<(string, int), ProcessVersionView> Processes { get; private set; } = new Dictionary<(string, int), ProcessVersionView>();

    /// <summary>Messages of a refused package (file and reason).</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public bool Deployed { get; private set; }

    /// <summary>The status message after publishing or retiring (<c>?changed=published|retired&amp;eservice=&amp;version=</c>).</summary>
    public string? Changed { get; private set; }

    public async Task OnGetAsync(bool deployed, string? changed, string? eservice, int? version, CancellationToken ct)
    {
        Deployed = deployed;
        await LoadAsync(ct);
        if (changed is "published" or "retired" && eservice is not null && version is not null)
        {
            var name = EServices.FirstOrDefault(e => e.Id == eservice)?.Name ?? eservice;
            Changed = texts[changed == "published" ? "VersionPublished" : "VersionRetired", name, version];
        }
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

    /// <summary>Publishes a version (no confirmation: it can be retired again); back to the list with a status message.</summary>
    public async Task<IActionResult> OnPostPublishAsync(string eservice, int version, CancellationToken ct)
    {
        await workflow.PublishEServiceAsync(eservice, version, ct);
        return Redirect(ChangedUrl("published", eservice, version));
    }

    /// <summary>The list's address with the status message of a change.</summary>
    public static string ChangedUrl(string change, string eservice, int version) =>
        $"/design?changed={change}&eservice={Uri.EscapeDataString(eservice)}&version={version}#status";

    // Retired e-services stay listed, so that a version can be published again from here.
    private async Task LoadAsync(CancellationToken ct)
    {
        EServices = (await workflow.GetAllEServicesAsync(ct))
            .Select(e => new EServiceEntry(e.Id, e.NameIn(Language), e.StartForm, e.Versions ?? [])).ToList();
        Processes = (await workflow.GetProcessesAsync(ct)).DistinctBy(p => (p.BpmnProcessId, p.Version)).ToDictionary(p => (p.BpmnProcessId, p.Version));
    }

    /// <summary>The diagram address of a version's process, or null when the process is unknown.</summary>
    public string? DiagramUrl(EServiceVersion version) =>
        Processes.TryGetValue((version.BpmnProcessId, version.ProcessVersion), out var process) ? $"/design/processes/{process.Key}" : null;
}
