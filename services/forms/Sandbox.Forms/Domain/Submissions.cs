using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sandbox.Data;
using Sandbox.Forms.Data;
using Sandbox.Forms.Events;
using Sandbox.Forms.Hosting;
using Sandbox.Forms.Outbox;

namespace Sandbox.Forms.Domain;

/// <summary>What a citizen gets back for a stored submission.</summary>
public sealed record SubmissionReceipt(Guid Id, string Reference, string FormId, int FormVersion, DateTimeOffset SubmittedAt);

/// <summary>One submission with its data and files, for its citizen or a caseworker of its tenant.</summary>
public sealed record SubmissionDetails(Guid Id, string Reference, string FormId, int FormVersion, string TenantId, string Subject,
    DateTimeOffset SubmittedAt, JsonObject Data, IReadOnlyList<SubmittedFile> Attachments);

/// <summary>A submission as a caseworker of its tenant sees it.</summary>
public sealed record TenantSubmission(Guid Id, string Reference, string FormId, int FormVersion, string Subject,
    DateTimeOffset SubmittedAt, JsonObject Data);

/// <summary>Stores validated submissions with their outbox event in one transaction.</summary>
public sealed class Submissions(FormsDbContext db, FormsOptions options, ReferenceNumbers references, SqliteWriteGate gate, OutboxSignal signal,
    TimeProvider clock)
{
    /// <summary>The earlier receipt for this citizen and idempotency key, if any.</summary>
    public async Task<SubmissionReceipt?> FindByIdempotencyKeyAsync(string subject, string key, CancellationToken ct) =>
        await db.Submissions.AsNoTracking()
            .Where(s => s.Subject == subject && s.IdempotencyKey == key)
            .Select(s => new SubmissionReceipt(s.PublicId, s.Reference, s.FormId, s.FormVersion, s.SubmittedAt))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// Stores valid <paramref name="data"/> and its <c>submission-received</c> event in one transaction. With an
    /// <paramref name="idempotencyKey"/> the citizen already used, nothing is stored and the first receipt is returned
    /// (<c>Stored</c> false): the key is checked by the insert itself, so concurrent retries cannot both store.
    /// </summary>
    /// <param name="files">The draft files the data names; they become the submission's.</param>
    public async Task<(SubmissionReceipt Receipt, bool Stored)> StoreAsync(PublishedForm form, string subject, JsonObject data,
        string? idempotencyKey, IReadOnlyList<AttachmentEntity> files, string language, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var number = await references.NextAsync(options.ReferencePrefix, now.Year, ct);
        var entity = new SubmissionEntity
        {
            PublicId = Guid.CreateVersion7(now),
            Reference = $"{options.ReferencePrefix}-{now.Year}-{number:D6}",
            TenantId = form.TenantId, FormId = form.FormId, FormVersion = form.Version,
            Subject = subject, DataJson = data.ToJsonString(), IdempotencyKey = idempotencyKey, SubmittedAt = now,
        };
        var received = new SubmissionReceived(entity.PublicId, entity.Reference, form.TenantId, form.FormId, form.Version, subject, now, data,
            [.. files.Select(Describe)], language);
        var message = new OutboxMessage
        {
            Topic = Topics.SubmissionReceived,
            PayloadJson = JsonSerializer.Serialize(received, JsonSerializerOptions.Web),
            CreatedAt = now,
            TraceParent = System.Diagnostics.Activity.Current?.Id,
        };
        var receipt = new SubmissionReceipt(entity.PublicId, entity.Reference, entity.FormId, entity.FormVersion, now);

        using (await gate.EnterAsync(ct))
        {
            if (idempotencyKey is null && files.Count == 0)
            {
                // The common case: both rows in one SaveChanges (one round trip on PostgreSQL, one transaction).
                db.Submissions.Add(entity);
                db.Outbox.Add(message);
                await db.SaveChangesAsync(ct);
            }
            else
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (idempotencyKey is not null)
                {
                    if (await InsertUnlessKeyUsedAsync(entity, ct) is not { } id)
                    {
                        await transaction.RollbackAsync(ct);
                        return (await FindByIdempotencyKeyAsync(subject, idempotencyKey, ct)
                            ?? throw new InvalidOperationException("The idempotency key is taken, but its submission is not found."), false);
                    }
                    entity.Id = id;
                }
                else
                {
                    db.Submissions.Add(entity);
                }
                db.Outbox.Add(message);
                await db.SaveChangesAsync(ct);
                if (files.Count > 0)
                {
                    var ids = files.Select(f => f.Id).ToList();
                    var linked = await db.Attachments.Where(a => ids.Contains(a.Id) && a.SubmissionId == null)
                        .ExecuteUpdateAsync(a => a.SetProperty(x => x.SubmissionId, entity.Id), ct);
                    if (linked != ids.Count) throw new DbUpdateConcurrencyException("A file was removed or submitted while the submission was stored.");
                }
                await transaction.CommitAsync(ct);
            }
        }
        signal.Notify();
        return (receipt, true);
    }

    // Inserts the submission unless the citizen's idempotency key is taken (the unique index on subject and key
    // decides, also between replicas): the new row's id, or null. A concurrent insert of the same key makes this
    // wait for that one's commit and then do nothing, so no failed statement is logged.
    private async Task<long?> InsertUnlessKeyUsedAsync(SubmissionEntity s, CancellationToken ct)
    {
        var ids = await db.Database.SqlQuery<long>($"""
            INSERT INTO submissions ("PublicId", "Reference", "TenantId", "FormId", "FormVersion", "Subject", "DataJson", "IdempotencyKey", "SubmittedAt")
            VALUES ({s.PublicId}, {s.Reference}, {s.TenantId}, {s.FormId}, {s.FormVersion}, {s.Subject}, {s.DataJson}, {s.IdempotencyKey}, {s.SubmittedAt})
            ON CONFLICT ("Subject", "IdempotencyKey") DO NOTHING
            RETURNING "Id" AS "Value"
            """).ToListAsync(ct);
        return ids.Count == 0 ? null : ids[0];
    }

    /// <summary>One submission of a tenant with its files, or null.</summary>
    public async Task<SubmissionDetails?> FindAsync(string tenantId, Guid id, CancellationToken ct)
    {
        var s = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(x => x.PublicId == id && x.TenantId == tenantId, ct);
        if (s is null) return null;
        var files = await db.Attachments.AsNoTracking().Where(a => a.SubmissionId == s.Id).OrderBy(a => a.Id).ToListAsync(ct);
        return new SubmissionDetails(s.PublicId, s.Reference, s.FormId, s.FormVersion, s.TenantId, s.Subject, s.SubmittedAt,
            JsonNode.Parse(s.DataJson)!.AsObject(), [.. files.Select(Describe)]);
    }

    private static SubmittedFile Describe(AttachmentEntity a) => new(a.PublicId, a.FileName, a.ContentType, a.Size);

    /// <summary>A citizen's own submissions, newest first.</summary>
    public async Task<List<SubmissionReceipt>> MineAsync(string subject, CancellationToken ct) =>
        await db.Submissions.AsNoTracking()
            .Where(s => s.Subject == subject)
            .OrderByDescending(s => s.Id)
            .Take(200)
            .Select(s => new SubmissionReceipt(s.PublicId, s.Reference, s.FormId, s.FormVersion, s.SubmittedAt))
            .ToListAsync(ct);

    /// <summary>A tenant's submissions, newest first, optionally of one form.</summary>
    public async Task<List<TenantSubmission>> OfTenantAsync(string tenantId, string? formId, int limit, CancellationToken ct)
    {
        var query = db.Submissions.AsNoTracking().Where(s => s.TenantId == tenantId);
        if (formId is not null) query = query.Where(s => s.FormId == formId);
        var rows = await query.OrderByDescending(s => s.Id).Take(limit).ToListAsync(ct);
        return [.. rows.Select(s => new TenantSubmission(s.PublicId, s.Reference, s.FormId, s.FormVersion, s.Subject, s.SubmittedAt,
            JsonNode.Parse(s.DataJson)!.AsObject()))];
    }
}
