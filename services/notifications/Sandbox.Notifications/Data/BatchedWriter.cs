using System.Threading.Channels;

namespace Sandbox.Notifications.Data;

/// <summary>
/// Group commit: items that arrive while a write runs go into the next one, up to 200 at a time, so concurrent
/// callers share one transaction instead of each paying for its own. A writer runs only while items wait.
/// </summary>
/// <param name="write">Writes one batch and completes each item's caller; it must not throw.</param>
public sealed class BatchedWriter<T>(Func<List<T>, Task> write)
{
    private const int MaxBatch = 200;
    private readonly Channel<T> _items = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
    private int _writing;

    /// <summary>Queues the item for the next write, starting a writer when none runs.</summary>
    public void Add(T item)
    {
        _items.Writer.TryWrite(item);
        if (Interlocked.Exchange(ref _writing, 1) == 0) _ = Task.Run(WriteAllAsync, CancellationToken.None);
    }

    private async Task WriteAllAsync()
    {
        while (true)
        {
            var batch = new List<T>();
            while (batch.Count < MaxBatch && _items.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0)
            {
                Volatile.Write(ref _writing, 0);
                // An item may have come after the last read but before the flag was cleared.
                if (!_items.Reader.TryPeek(out _) || Interlocked.Exchange(ref _writing, 1) == 1) return;
                continue;
            }
            await write(batch);
        }
    }
}
