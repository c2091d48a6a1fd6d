namespace Sandbox.Portal.Clients;

/// <summary>An in-app message to the signed-in citizen.</summary>
public sealed record MessageView(string Id, string? Subject, string? Body, DateTimeOffset CreatedAt, bool Read);

/// <summary>A notification the sandbox "sent" (kept in the outbox instead).</summary>
public sealed record OutboxEntry(string Id, string Channel, string? To, string? Subject, string? Text, string? Html,
    DateTimeOffset SentAt, string? Template, string? Language, string? Reference);

/// <summary>The notifications service: the citizen's messages and the sandbox outbox.</summary>
public sealed class NotificationsClient(HttpClient http)
{
    private const string Service = "notifications";

    /// <summary>The signed-in citizen's in-app messages.</summary>
    public async Task<List<MessageView>> GetMineAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync("/api/notifications/mine", ct);
        await response.EnsureAsync(Service, ct);
        return await response.Content.ReadFromJsonAsync<List<MessageView>>(ct) ?? [];
    }

    /// <summary>Marks a message read.</summary>
    public async Task MarkReadAsync(string id, CancellationToken ct)
    {
        using var response = await http.PostAsync($"/api/notifications/mine/{Uri.EscapeDataString(id)}/read", null, ct);
        await response.EnsureAsync(Service, ct);
    }

    /// <summary>The sandbox outbox of the caller's tenant, optionally filtered.</summary>
    public async Task<List<OutboxEntry>> GetOutboxAsync(string? channel, string? to, CancellationToken ct)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(channel)) query.Add($"channel={Uri.EscapeDataString(channel)}");
        if (!string.IsNullOrWhiteSpace(to)) query.Add($"to={Uri.EscapeDataString(to)}");
        var url = "/api/notifications/sandbox/outbox" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        using var response = await http.GetAsync(url, ct);
        await response.EnsureAsync(Service, ct);
        return await response.Content.ReadFromJsonAsync<List<OutboxEntry>>(ct) ?? [];
    }
}
