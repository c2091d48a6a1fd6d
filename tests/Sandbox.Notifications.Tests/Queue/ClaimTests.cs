using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Sandbox.Data;
using Sandbox.Notifications.Data;
using Sandbox.Notifications.Sending;

namespace Sandbox.Notifications.Tests.Queue;

/// <summary>Claiming from the queue table directly, as several senders (instances) at once.</summary>
public sealed class ClaimTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Sqlite_ConcurrentClaims_TakeEveryDueMessageOnce_AndOnlyDueOnes()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sandbox-claims-" + Guid.NewGuid().ToString("n")[..8])).FullName;
        try
        {
            var connectionString = $"Data Source={Path.Combine(folder, "q.db")}";
            var options = new DbContextOptionsBuilder<NotificationsDb>().UseSqlite(connectionString).Options;
            await ClaimEveryDueMessageOnceAsync(options, SqliteWriteGate.ForSqlite(connectionString));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Postgres_ConcurrentClaims_TakeEveryDueMessageOnce_AndOnlyDueOnes()
    {
        Prerequisite.Require(PostgresServer.MissingReason());
        await using var server = await PostgresServer.StartAsync();
        var options = new DbContextOptionsBuilder<NotificationsDb>().UseNpgsql(server.ConnectionString("claims")).Options;
        await ClaimEveryDueMessageOnceAsync(options, SqliteWriteGate.None);
    }

    private static async Task ClaimEveryDueMessageOnceAsync(DbContextOptions<NotificationsDb> options, SqliteWriteGate gate)
    {
        await using (var db = new NotificationsDb(options))
        {
            await db.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
            for (var i = 0; i < 300; i++) db.Notifications.Add(Row($"due-{i}", NotificationStatus.Queued, next: Now.AddSeconds(-i % 7)));
            // Taken over: its sender's lease ran out.
            db.Notifications.Add(Row("lease-over", NotificationStatus.Sending, next: Now.AddMinutes(-5), lease: Now.AddSeconds(-1)));
            db.Notifications.Add(Row("lease-held", NotificationStatus.Sending, next: Now.AddMinutes(-5), lease: Now.AddMinutes(1)));
            db.Notifications.Add(Row("later", NotificationStatus.Queued, next: Now.AddSeconds(1)));
            db.Notifications.Add(Row("done", NotificationStatus.Sent, next: Now.AddMinutes(-5)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var claims = new ConcurrentBag<(Guid Token, NotificationRow Row)>();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                await using var db = new NotificationsDb(options);
                var token = Guid.NewGuid();
                List<NotificationRow> batch;
                using (await gate.EnterAsync()) batch = await QueueClaims.ClaimAsync(db, Now, Now.AddMinutes(2), token, 7, CancellationToken.None);
                if (batch.Count == 0) return;
                foreach (var row in batch) claims.Add((token, row));
            }
        })));

        var keys = claims.Select(c => c.Row.IdempotencyKey).ToList();
        Assert.Equal(301, keys.Count);
        Assert.Equal(301, keys.Distinct().Count());
        Assert.Contains("lease-over", keys);
        Assert.DoesNotContain("lease-held", keys);
        Assert.DoesNotContain("later", keys);
        Assert.All(claims, c =>
        {
            Assert.Equal(NotificationStatus.Sending, c.Row.Status);
            Assert.Equal(c.Token, c.Row.ClaimToken);
            Assert.Equal(Now.AddMinutes(2), c.Row.LeaseUntil);
        });
        await using (var db = new NotificationsDb(options))
        {
            var stored = await db.Notifications.AsNoTracking().Where(n => n.IdempotencyKey.StartsWith("due-")).ToListAsync(TestContext.Current.CancellationToken);
            Assert.All(stored, n => Assert.Equal(claims.Single(c => c.Row.Id == n.Id).Token, n.ClaimToken));
        }
    }

    private static NotificationRow Row(string key, string status, DateTime next, DateTime? lease = null) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = "uppsala",
        IdempotencyKey = key,
        TemplateId = "t",
        TemplateVersion = 1,
        Channel = "email",
        To = "a@example.test",
        Status = status,
        NextAttemptAt = next,
        RequestedAt = next,
        LeaseUntil = lease,
        ClaimToken = lease is null ? null : Guid.NewGuid(),
    };
}
