using System.ComponentModel.DataAnnotations;

namespace Sandbox.Notifications.Data;

// Times are UTC DateTime: both SQLite and PostgreSQL compare and order them in SQL.

/// <summary>One version of a tenant's template; a changed PUT adds a version, an unchanged one does not.</summary>
public sealed class TemplateRow
{
    public long Id { get; set; }
    [MaxLength(100)] public string TenantId { get; set; } = "";
    [MaxLength(200)] public string TemplateId { get; set; } = "";
    public int Version { get; set; }
    [MaxLength(16)] public string Channel { get; set; } = "";
    [MaxLength(1000)] public string? Description { get; set; }
    /// <summary>The e-service that uses the template; while set, the template cannot be deleted.</summary>
    [MaxLength(200)] public string? EserviceId { get; set; }
    /// <summary>The variants as JSON: <c>{"sv": {"subject", "body", "html"}, ...}</c>.</summary>
    public string VariantsJson { get; set; } = "";
    /// <summary>SHA-256 of channel, description and variants.</summary>
    [MaxLength(64)] public string Hash { get; set; } = "";
    [MaxLength(200)] public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public bool Deleted { get; set; }
}

/// <summary>The states of a notification.</summary>
public static class NotificationStatus
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}

/// <summary>One notification: the request, its rendered content once rendered, and where it is in the queue.</summary>
public sealed class NotificationRow
{
    public Guid Id { get; set; }
    [MaxLength(100)] public string TenantId { get; set; } = "";
    /// <summary>The event id, the caller's <c>Idempotency-Key</c>, or one made of reference, template and recipient.</summary>
    [MaxLength(300)] public string IdempotencyKey { get; set; } = "";
    [MaxLength(200)] public string TemplateId { get; set; } = "";
    public int TemplateVersion { get; set; }
    [MaxLength(16)] public string Channel { get; set; } = "";
    [MaxLength(8)] public string? RequestedLanguage { get; set; }
    [MaxLength(8)] public string? Language { get; set; }
    [MaxLength(200)] public string? RecipientSubject { get; set; }
    /// <summary>The email address or phone number, given or found through identity.</summary>
    [MaxLength(320)] public string? To { get; set; }
    public string DataJson { get; set; } = "{}";
    [MaxLength(100)] public string? Reference { get; set; }
    [MaxLength(100)] public string? ProcessInstanceId { get; set; }
    [MaxLength(16)] public string Status { get; set; } = NotificationStatus.Queued;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public Guid? ClaimToken { get; set; }
    [MaxLength(2000)] public string? FailureReason { get; set; }
    [MaxLength(1000)] public string? Subject { get; set; }
    public string? Text { get; set; }
    public string? Html { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>The W3C traceparent of the request, so the send continues its trace.</summary>
    [MaxLength(100)] public string? TraceParent { get; set; }
}

/// <summary>A message the sandbox caught, as a pilot team sees it in the outbox.</summary>
public sealed class SandboxMessageRow
{
    public long Id { get; set; }
    public Guid PublicId { get; set; }
    [MaxLength(100)] public string? TenantId { get; set; }
    public Guid? NotificationId { get; set; }
    [MaxLength(16)] public string Channel { get; set; } = "";
    [MaxLength(1000)] public string To { get; set; } = "";
    [MaxLength(1000)] public string? Subject { get; set; }
    public string? Text { get; set; }
    public string? Html { get; set; }
    [MaxLength(200)] public string? TemplateId { get; set; }
    [MaxLength(8)] public string? Language { get; set; }
    [MaxLength(100)] public string? Reference { get; set; }
    public DateTime SentAt { get; set; }
}
