using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sandbox.Notifications.Data;
using Sandbox.Notifications.Hosting;

namespace Sandbox.Notifications.Apis;

/// <summary>A message the sandbox caught.</summary>
public sealed record OutboxMessage(Guid Id, string Channel, string To, string? Subject, string? Text, string? Html, DateTime SentAt,
    string? Template, string? Language, string? Reference);

/// <summary><c>/api/notifications/sandbox/outbox</c>: what the sandbox "sent", for a pilot team to see (staff, own tenant; platform admin all).</summary>
public static class OutboxApi
{
    public static RouteGroupBuilder MapOutboxApi(this RouteGroupBuilder api)
    {
        api.MapGet("/sandbox/outbox", List).WithTags("Sandbox").RequireAuthorization(NotificationsPolicies.Staff);
        return api;
    }

    private static async Task<Results<Ok<List<OutboxMessage>>, ValidationProblem, ProblemHttpResult>> List(string? tenant, string? channel,
        string? to, int? limit, ClaimsPrincipal user, NotificationsDb db, CancellationToken ct)
    {
        var own = user.Tenant();
        if (!user.IsPlatformAdmin())
        {
            if (own is null) return Problems.NoTenant();
            if (tenant is not null && !string.Equals(tenant, own, StringComparison.OrdinalIgnoreCase)) return Problems.OtherTenant();
            tenant = own;
        }
        if (limit is < 1 or > 1000) return Problems.Invalid("limit", "Between 1 and 1000.");
        var query = db.SandboxMessages.AsNoTracking();
        if (tenant is not null) query = query.Where(m => m.TenantId == tenant);
        if (channel is not null) query = query.Where(m => m.Channel == channel);
        if (to is not null) query = query.Where(m => m.To.ToLower() == to.ToLower());
        var rows = await query.OrderByDescending(m => m.Id).Take(limit ?? 200).ToListAsync(ct);

        // The mailbox receives HTML only; the plain text is the notification's own.
        var ids = rows.Where(r => r.Text is null && r.NotificationId is not null).Select(r => r.NotificationId!.Value).ToList();
        var texts = ids.Count == 0 ? [] : await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Select(n => new { n.Id, n.Text }).ToDictionaryAsync(n => n.Id, n => n.Text, ct);
        return TypedResults.Ok(rows.Select(m => new OutboxMessage(m.PublicId, m.Channel, m.To, m.Subject,
            m.Text ?? (m.NotificationId is { } n ? texts.GetValueOrDefault(n) : null), m.Html, m.SentAt, m.TemplateId, m.Language, m.Reference)).ToList());
    }
}
