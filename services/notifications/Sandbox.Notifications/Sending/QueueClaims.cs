using Microsoft.EntityFrameworkCore;
using Sandbox.Notifications.Data;

namespace Sandbox.Notifications.Sending;

/// <summary>
/// Claims a batch of due messages in one statement: status <c>sending</c>, this claim's token and a lease, returning
/// the claimed rows. Due means queued and past its next attempt, or sending with a lease that ran out (its worker
/// died). On PostgreSQL the rows are picked <c>FOR UPDATE SKIP LOCKED</c>, so instances claiming at once take
/// different rows instead of waiting for each other; the outer condition is checked again on the row it updates, so a
/// row claimed by another instance in between is left alone. SQLite has one writer at a time.
/// </summary>
internal static class QueueClaims
{
    private const string Due = """
        (("Status" = 'queued' AND "NextAttemptAt" <= {0}) OR ("Status" = 'sending' AND "LeaseUntil" < {0}))
        """;

    private static readonly string Postgres = $$"""
        UPDATE notifications SET "Status" = 'sending', "LeaseUntil" = {1}, "ClaimToken" = {2}
        WHERE "Id" IN (SELECT "Id" FROM notifications WHERE {{Due}} ORDER BY "NextAttemptAt" LIMIT {3} FOR UPDATE SKIP LOCKED)
          AND {{Due}}
        RETURNING *
        """;

    private static readonly string Sqlite = $$"""
        UPDATE notifications SET "Status" = 'sending', "LeaseUntil" = {1}, "ClaimToken" = {2}
        WHERE "Id" IN (SELECT "Id" FROM notifications WHERE {{Due}} ORDER BY "NextAttemptAt" LIMIT {3})
        RETURNING *
        """;

    public static Task<List<NotificationRow>> ClaimAsync(NotificationsDb db, DateTime now, DateTime leaseUntil, Guid token, int count, CancellationToken ct) =>
        db.Notifications.FromSqlRaw(db.Database.IsNpgsql() ? Postgres : Sqlite, now, leaseUntil, token, count).AsNoTracking().ToListAsync(ct);
}
