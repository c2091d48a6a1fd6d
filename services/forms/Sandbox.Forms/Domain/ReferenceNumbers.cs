using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Sandbox.Data;
using Sandbox.Forms.Data;

namespace Sandbox.Forms.Domain;

/// <summary>
/// Gives out submission reference numbers per prefix and year from the <c>reference_counters</c> row. One statement
/// both creates the row on first use and adds to it (an upsert, so first use cannot race and logs no failed insert),
/// and returns the new value. Requests that come while a number is being fetched wait and are served together: the
/// next fetch reserves as many numbers as there are waiters, so a busy service makes one round trip for many
/// submissions. The update is atomic in the database, so numbers are never given twice, also by several replicas on
/// one database; a number whose submission then fails, or that a stopping process held, is lost (references may
/// have gaps, never duplicates).
/// </summary>
public sealed class ReferenceNumbers(IServiceScopeFactory scopes, SqliteWriteGate gate)
{
    private readonly ConcurrentDictionary<(string Prefix, int Year), Block> _blocks = new();

    /// <summary>The next number for <paramref name="prefix"/> and <paramref name="year"/> (1 for the first).</summary>
    public async Task<long> NextAsync(string prefix, int year, CancellationToken ct)
    {
        var block = _blocks.GetOrAdd((prefix, year), _ => new Block());
        Interlocked.Increment(ref block.Waiting);
        try
        {
            await block.Lock.WaitAsync(ct);
            try
            {
                if (block.Next > block.Last)
                {
                    var count = Math.Max(1, Volatile.Read(ref block.Waiting));
                    block.Last = await ReserveAsync(prefix, year, count, ct);
                    block.Next = block.Last - count + 1;
                }
                return block.Next++;
            }
            finally
            {
                block.Lock.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref block.Waiting);
        }
    }

    // Adds count to the counter (creating it with count) and returns the last number reserved.
    private async Task<long> ReserveAsync(string prefix, int year, int count, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        using var turn = await gate.EnterAsync(ct);
        var values = await db.Database.SqlQuery<long>($"""
            INSERT INTO reference_counters ("Prefix", "Year", "Value") VALUES ({prefix}, {year}, {(long)count})
            ON CONFLICT ("Prefix", "Year") DO UPDATE SET "Value" = reference_counters."Value" + excluded."Value"
            RETURNING "Value"
            """).ToListAsync(ct);
        return values.Single();
    }

    private sealed class Block
    {
        public readonly SemaphoreSlim Lock = new(1, 1);
        public int Waiting;
        public long Next = 1;
        public long Last;
    }
}
