using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sandbox.Portal.Clients;

namespace Sandbox.Portal.Pages.Municipalities;

/// <summary>The e-services one municipality offers; anyone may look, starting one needs a sign-in.</summary>
public sealed class IndexModel(IdentityClient identity, WorkflowClient workflow) : PageModel
{
    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public TenantView Tenant { get; private set; } = null!;

    public IReadOnlyList<EServiceView> EServices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string tenant, CancellationToken ct)
    {
        var found = (await identity.GetTenantsAsync(ct)).FirstOrDefault(t => t.Id == tenant);
        if (found is null) return NotFound();
        Tenant = found;
        EServices = await workflow.GetPublicEServicesAsync(tenant, ct);
        return Page();
    }
}
