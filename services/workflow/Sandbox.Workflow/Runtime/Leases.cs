using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;

namespace Sandbox.Workflow.Runtime;

/// <summary>
/// Background work (due timers, outbox events, push jobs) is claimed before it is done, so that replicas on one
/// database do not do it twice: a conditional UPDATE sets <c>LeaseOwner</c> and <c>LeaseUntil</c> only on rows
/// nobody holds (PostgreSQL re-checks the condition after waiting for a concurrent claim's row lock; SQLite
/// writes one at a time), then the claimer reads back the rows that carry its own lease token. A replica that
/// dies leaves its lease to expire, and another replica takes the work over. Leases run on the real clock,
/// not the sandbox clock, which is per replica.
/// </summary>
public static class Leases
{
    /// <summary>This process's name in lease and worker columns.</summary>
    public static readonly string Replica = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("n")[..8]}";

    /// <summary>A fresh token for one claim.</summary>
    public static string NewToken() => Guid.NewGuid().ToString("n");

    /// <summary>The real time, for leases.</summary>
    public static DateTime Now => DateTime.UtcNow;

    /// <summary>
    /// Claims up to <paramref name="batch"/> open, unheld rows of <paramref name="rows"/> that are
    /// <paramref name="ready"/>, in <paramref name="order"/>, for <paramref name="timeout"/>; returns the rows this
    /// claim won (another replica may win some of them).
    /// </summary>
    public static async Task<List<T>> ClaimAsync<T, TKey>(WorkflowDb db, IQueryable<T> rows, Expression<Func<T, bool>> ready,
        Expression<Func<T, TKey>> order, int batch, TimeSpan timeout, CancellationToken ct)
        where T : class, ILeasedWork
    {
        var now = Now;
        var until = now + timeout;
        var token = NewToken();
        var ids = await rows.Where(ready).Where(r => r.State == WorkState.Open && (r.LeaseUntil == null || r.LeaseUntil <= now))
            .OrderBy(order).Select(r => r.Id).Take(batch).ToListAsync(ct);
        if (ids.Count == 0) return [];
        await db.WriteAsync(() => rows.Where(r => ids.Contains(r.Id) && r.State == WorkState.Open && (r.LeaseUntil == null || r.LeaseUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, token).SetProperty(r => r.LeaseUntil, until), ct), ct);
        return await rows.AsNoTracking().Where(r => ids.Contains(r.Id) && r.LeaseOwner == token).OrderBy(order).ToListAsync(ct);
    }
}
