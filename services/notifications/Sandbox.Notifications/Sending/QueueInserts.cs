using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Sandbox.Data;
using Sandbox.Notifications.Data;

namespace Sandbox.Notifications.Sending;

/// <summary>
/// Writes new notifications: requests that arrive while a write runs go into the next one, one transaction for all
/// (one commit instead of one per request). Should a row's idempotency key be taken, the batch is written again row by
/// row, and that request gets the id of the row stored first.
/// </summary>
public sealed class QueueInserts(IServiceScopeFactory scopes, SqliteWriteGate gate)
{
    private sealed record Pending(NotificationRow Row)
    {
        public TaskCompletionSource<Guid?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private int _writing;

    /// <summary>Null when stored; the id of the row with the same tenant and idempotency key when that was there first.</summary>
    public async Task<Guid?> InsertAsync(NotificationRow row, CancellationToken ct)
    {
        var pending = new Pending(row);
        _pending.Writer.TryWrite(pending);
        if (Interlocked.Exchange(ref _writing, 1) == 0) _ = Task.Run(WriteAllAsync, CancellationToken.None);
        // Not cancelled once queued: the caller learns whether its row was stored.
        return await pending.Done.Task;
    }

    private async Task WriteAllAsync()
    {
        while (true)
        {
            var batch = new List<Pending>();
            while (batch.Count < 200 && _pending.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0)
            {
                Volatile.Write(ref _writing, 0);
                // A request may have come after the last read but before the flag was cleared.
                if (!_pending.Reader.TryPeek(out _) || Interlocked.Exchange(ref _writing, 1) == 1) return;
                continue;
            }
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
            await using var scope = scopes.CreateAsyncScope();
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
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        db.Notifications.AddRange(rows);
        using var _ = await gate.EnterAsync();
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
