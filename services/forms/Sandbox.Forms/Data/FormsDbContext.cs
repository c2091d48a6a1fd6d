using Microsoft.EntityFrameworkCore;

namespace Sandbox.Forms.Data;

public sealed class FormsDbContext(DbContextOptions<FormsDbContext> options) : DbContext(options)
{
    public DbSet<FormDefinitionEntity> Definitions => Set<FormDefinitionEntity>();
    public DbSet<SubmissionEntity> Submissions => Set<SubmissionEntity>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();

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
            e.HasIndex(m => m.PublishedAt);
            e.Property(m => m.Topic).HasMaxLength(100);
        });
        model.Entity<ReferenceCounter>(e =>
        {
            e.ToTable("reference_counters");
            e.HasKey(c => new { c.Prefix, c.Year });
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
}

/// <summary>The last reference number given out per prefix and year.</summary>
public sealed class ReferenceCounter
{
    public required string Prefix { get; set; }
    public int Year { get; set; }
    public long Value { get; set; }
}
