using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sandbox.Portal.Clients;

namespace Sandbox.Portal.Pages;

public sealed class IndexModel(IdentityClient identity, ILogger<IndexModel> logger) : PageModel
{
    public IReadOnlyList<TenantView>? Tenants { get; private set; }

    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Tenants = await identity.GetTenantsAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            // The start page stays usable when identity is down; the page says so instead of failing.
            logger.LogWarning(ex, "Municipalities could not be read from identity");
        }
    }
}
