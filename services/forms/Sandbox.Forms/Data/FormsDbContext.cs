using Microsoft.EntityFrameworkCore;

namespace Sandbox.Forms.Data;

/// <summary>
/// The forms store. Services inject this type; the registered instance is <see cref="SqliteFormsDbContext"/> or
/// <see cref="PostgresFormsDbContext"/>, which own the migrations of their provider.
/// </summary>
public class FormsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<FormDefinitionEntity> Definitions => Set<FormDefinitionEntity>();
    public DbSet<SubmissionEntity> Submissions => Set<SubmissionEntity>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();
    public DbSet<DefinitionTranslations> Translations => Set<DefinitionTranslations>();
    public DbSet<AttachmentEntity> Attachments => Set<AttachmentEntity>();
    public DbSet<DraftActivity> DraftActivity => Set<DraftActivity>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<FormDefinitionEntity>(e =>
        {
            e.ToTable("form_definitions");
            e.HasIndex(d => new { d.TenantId, d.FormId, d.Version }).IsUnique();
            e.Property(d => d.TenantId).HasMaxLength(100);
            e.Property(d => d.FormId).HasMaxLength(200);
            e.Property(d => d.Hash).HasMaxLength(64);
        });
        model.Entity<SubmissionEntity>(e =>
        {
            e.ToTable("submissions");
            e.HasIndex(s => s.PublicId).IsUnique();
            e.HasIndex(s => s.Reference).IsUnique();
            e.HasIndex(s => new { s.Subject, s.IdempotencyKey }).IsUnique();
            e.HasIndex(s => new { s.TenantId, s.FormId });
            e.Property(s => s.Reference).HasMaxLength(40);
            e.Property(s => s.IdempotencyKey).HasMaxLength(100);
        });
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox");
            // The events still to publish, in order: a small index however long the published history grows.
            e.HasIndex(m => m.Id, "IX_outbox_pending").HasFilter("\"PublishedAt\" IS NULL");
            e.Property(m => m.Topic).HasMaxLength(100);
        });
        model.Entity<ReferenceCounter>(e =>
        {
            e.ToTable("reference_counters");
            e.HasKey(c => new { c.Prefix, c.Year });
        });
        model.Entity<DefinitionTranslations>(e =>
        {
            e.ToTable("form_translations");
            e.HasKey(t => t.DefinitionId);
        });
        model.Entity<AttachmentEntity>(e =>
        {
            e.ToTable("attachments");
            e.HasIndex(a => a.PublicId).IsUnique();
            e.HasIndex(a => new { a.TenantId, a.Subject, a.FormId });
            e.HasIndex(a => a.SubmissionId);
            e.Property(a => a.FileName).HasMaxLength(255);
            e.Property(a => a.ContentType).HasMaxLength(100);
        });
        model.Entity<DraftActivity>(e =>
        {
            e.ToTable("draft_activity");
            e.HasIndex(d => new { d.TenantId, d.Subject, d.FormId }).IsUnique();
            e.HasIndex(d => d.ExpiresAt);
            // Unix milliseconds, so that SQLite can compare expiry times in queries.
            e.Property(d => d.ExpiresAt).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
        });
    }
}

/// <summary>One published version of a form of a tenant.</summary>
public sealed class FormDefinitionEntity
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public required string FormId { get; set; }
    public int Version { get; set; }
    public required string SchemaJson { get; set; }
    /// <summary>SHA-256 of the normalised schema: an unchanged schema makes no new version.</summary>
    public required string Hash { get; set; }
    public required string PublishedBy { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
}

/// <summary>A citizen's submitted form, with the version it was validated against.</summary>
public sealed class SubmissionEntity
{
    public long Id { get; set; }
    public Guid PublicId { get; set; }
    public required string Reference { get; set; }
    public required string TenantId { get; set; }
    public required string FormId { get; set; }
    public int FormVersion { get; set; }
    public required string Subject { get; set; }
    public required string DataJson { get; set; }
    public string? IdempotencyKey { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
}

/// <summary>An integration event written with the change that caused it, published afterwards.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string Topic { get; set; }
    public required string PayloadJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>The W3C trace context of the request that wrote the event, so the publish joins its trace.</summary>
    public string? TraceParent { get; set; }
}

/// <summary>The last reference number given out per prefix and year.</summary>
public sealed class ReferenceCounter
{
    public required string Prefix { get; set; }
    public int Year { get; set; }
    public long Value { get; set; }
}

/// <summary>The translation maps published with one form version: <c>{ "sv": { "name.label": "Namn" } }</c>.</summary>
public sealed class DefinitionTranslations
{
    public long DefinitionId { get; set; }
    public required string Json { get; set; }
}

/// <summary>A file a citizen uploaded: first part of their draft, then of the submission that names it.</summary>
public sealed class AttachmentEntity
{
    public long Id { get; set; }
    public Guid PublicId { get; set; }
    public required string TenantId { get; set; }
    public required string Subject { get; set; }
    public required string FormId { get; set; }
    public string? Field { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string StorageKey { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public long? SubmissionId { get; set; }
}

/// <summary>
/// When a citizen's draft of a form was started and when it expires: the draft itself lives in the Dapr state
/// store; this row lets the service count abandoned drafts, time to complete, and clean up their files.
/// </summary>
public sealed class DraftActivity
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public required string Subject { get; set; }
    public required string FormId { get; set; }
    public int FormVersion { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
