using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sandbox.Portal.Clients;

namespace Sandbox.Portal.Pages.Messages;

/// <summary>The citizen's in-app messages; each can be marked read.</summary>
public sealed class IndexModel(NotificationsClient notifications) : PageModel
{
    public IReadOnlyList<MessageView> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Messages = (await notifications.GetMineAsync(ct)).OrderByDescending(m => m.CreatedAt).ToList();

    public async Task<IActionResult> OnPostReadAsync(string id, CancellationToken ct)
    {
        await notifications.MarkReadAsync(id, ct);
        return Redirect("/messages");
    }
}
