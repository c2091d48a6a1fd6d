using Microsoft.EntityFrameworkCore;

namespace Sandbox.Notifications.Data;

/// <summary>
/// The notifications store: templates, the message queue and the sandbox outbox. Services inject this type; the
/// registered instance is <see cref="SqliteNotificationsDb"/> or <see cref="PostgresNotificationsDb"/>, which own the migrations.
/// </summary>
public class NotificationsDb(DbContextOptions options) : DbContext(options)
{
    /// <summary>Every version of every template.</summary>
    public DbSet<TemplateRow> Templates => Set<TemplateRow>();

    /// <summary>The durable queue: one row per notification, whatever its status.</summary>
    public DbSet<NotificationRow> Notifications => Set<NotificationRow>();

    /// <summary>What the sandbox caught: mail at the SMTP sink and SMS at send time.</summary>
    public DbSet<SandboxMessageRow> SandboxMessages => Set<SandboxMessageRow>();

    /// <summary>The id of the tenant's notification with this idempotency key, if one is stored (the unique index answers).</summary>
    public Task<Guid?> FindRequestAsync(string tenantId, string idempotencyKey, CancellationToken ct) =>
        Notifications.AsNoTracking().Where(n => n.TenantId == tenantId && n.IdempotencyKey == idempotencyKey)
            .Select(n => (Guid?)n.Id).FirstOrDefaultAsync(ct);

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<TemplateRow>(e =>
        {
            e.ToTable("templates");
            e.HasIndex(t => new { t.TenantId, t.TemplateId, t.Version }).IsUnique();
        });
        model.Entity<NotificationRow>(e =>
        {
            e.ToTable("notifications");
            e.HasIndex(n => new { n.TenantId, n.IdempotencyKey }).IsUnique();
            e.HasIndex(n => new { n.Status, n.NextAttemptAt });
            e.HasIndex(n => n.ClaimToken);
            // A result is written only while the row still carries the claim that sent it.
            e.Property(n => n.ClaimToken).IsConcurrencyToken();
            e.HasIndex(n => new { n.TenantId, n.RecipientSubject, n.Channel });
        });
        model.Entity<SandboxMessageRow>(e =>
        {
            e.ToTable("sandbox_messages");
            e.HasIndex(m => new { m.TenantId, m.Channel });
            e.HasIndex(m => m.NotificationId);
        });
    }
}
