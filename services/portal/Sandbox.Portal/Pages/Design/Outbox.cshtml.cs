using Microsoft.AspNetCore.Mvc.RazorPages;
using Sandbox.Portal.Clients;

namespace Sandbox.Portal.Pages.Design;

/// <summary>The notifications the sandbox would have sent (email, SMS, in-app), newest first.</summary>
public sealed class OutboxModel(NotificationsClient notifications) : PageModel
{
    public static readonly string[] Channels = ["email", "sms", "inapp"];

    public string? Channel { get; private set; }

    public string? To { get; private set; }

    public IReadOnlyList<OutboxEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(string? channel, string? to, CancellationToken ct)
    {
        Channel = Channels.Contains(channel) ? channel : null;
        To = string.IsNullOrWhiteSpace(to) ? null : to.Trim();
        Entries = (await notifications.GetOutboxAsync(Channel, To, ct)).OrderByDescending(e => e.SentAt).ToList();
    }
}
