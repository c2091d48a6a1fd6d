using Microsoft.EntityFrameworkCore;
using Sandbox.Data;
using Sandbox.Notifications.Data;

namespace Sandbox.Notifications.Sending;

/// <summary>
/// Writes new notifications: requests that arrive while a write runs go into the next one, one transaction for all
/// (one commit instead of one per request). Should a row's idempotency key be taken, the batch is written again row by
/// row, and that request gets the id of the row stored first.
/// </summary>
public sealed class QueueInserts
{
    private sealed record Pending(NotificationRow Row)
    {
        public TaskCompletionSource<Guid?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly IServiceScopeFactory _scopes;
    private readonly SqliteWriteGate _gate;
    private readonly BatchedWriter<Pending> _batches;

    /// <summary>Batches the inserts of concurrent requests.</summary>
    public QueueInserts(IServiceScopeFactory scopes, SqliteWriteGate gate)
    {
        (_scopes, _gate) = (scopes, gate);
        _batches = new BatchedWriter<Pending>(WriteBatchAsync);
    }

    /// <summary>Null when stored; the id of the row with the same tenant and idempotency key when that was there first.</summary>
    public async Task<Guid?> InsertAsync(NotificationRow row, CancellationToken ct)
    {
        var pending = new Pending(row);
        _batches.Add(pending);
        // Not cancelled once queued: the caller learns whether its row was stored.
        return await pending.Done.Task;
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        try
        {
            await WriteAsync(batch.Select(p => p.Row).ToList());
            foreach (var p in batch) p.Done.TrySetResult(null);
        }
        catch (DbUpdateException) when (batch.Count > 1)
        {
            foreach (var p in batch) await WriteAloneAsync(p);
        }
        catch (Exception error) when (batch.Count == 1)
        {
            await ResolveAsync(batch[0], error);
        }
        catch (Exception error)
        {
            foreach (var p in batch) p.Done.TrySetException(error);
        }
    }

    private async Task WriteAloneAsync(Pending pending)
    {
        try
        {
            await WriteAsync([pending.Row]);
            pending.Done.TrySetResult(null);
        }
        catch (Exception error)
        {
            await ResolveAsync(pending, error);
        }
    }

    /// <summary>A failed insert whose key is already stored answers with that row's id; anything else is the caller's error.</summary>
    private async Task ResolveAsync(Pending pending, Exception error)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
            var first = await db.FindRequestAsync(pending.Row.TenantId, pending.Row.IdempotencyKey, CancellationToken.None);
            if (first is { } id && error is DbUpdateException) pending.Done.TrySetResult(id);
            else pending.Done.TrySetException(error);
        }
        catch (Exception lookup)
        {
            pending.Done.TrySetException(new AggregateException(error, lookup));
        }
    }

    private async Task WriteAsync(List<NotificationRow> rows)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        db.Notifications.AddRange(rows);
        using var _ = await _gate.EnterAsync();
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
