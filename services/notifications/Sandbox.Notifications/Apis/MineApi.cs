using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sandbox.Data;
using Sandbox.Notifications.Data;
using Sandbox.Notifications.Templates;
using Sandbox.Security;

namespace Sandbox.Notifications.Apis;

/// <summary>An in-app message as the citizen sees it.</summary>
public sealed record InboxMessage(Guid Id, string? Subject, string? Body, DateTime CreatedAt, bool Read);

/// <summary><c>/api/notifications/mine</c>: the signed-in citizen's in-app messages.</summary>
public static class MineApi
{
    public static RouteGroupBuilder MapMineApi(this RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/mine").WithTags("My messages").RequireAuthorization(Policies.Citizen);
        mine.MapGet("/", List);
        mine.MapPost("/{id:guid}/read", Read);
        return api;
    }

    private static IQueryable<NotificationRow> Inbox(NotificationsDb db, ClaimsPrincipal user) =>
        db.Notifications.Where(n => n.TenantId == (user.Tenant() ?? "") && n.RecipientSubject == user.Subject()
            && n.Channel == Channels.InApp && n.Status == NotificationStatus.Delivered);

    private static async Task<Ok<List<InboxMessage>>> List(ClaimsPrincipal user, NotificationsDb db, CancellationToken ct)
    {
        var rows = await Inbox(db, user).AsNoTracking().OrderByDescending(n => n.RequestedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(n => new InboxMessage(n.Id, n.Subject, n.Text, n.RequestedAt, n.ReadAt is not null)).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Read(Guid id, ClaimsPrincipal user, NotificationsDb db, TimeProvider clock, SqliteWriteGate gate, CancellationToken ct)
    {
        var message = await Inbox(db, user).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (message is null) return Problems.NotFound("No such message.");
        message.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        using (await gate.EnterAsync(ct)) await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
