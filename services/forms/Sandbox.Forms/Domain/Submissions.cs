using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
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
public sealed class Submissions(FormsDbContext db, FormsOptions options, OutboxSignal signal, TimeProvider clock)
{
    /// <summary>The earlier receipt for this citizen and idempotency key, if any.</summary>
    public async Task<SubmissionReceipt?> FindByIdempotencyKeyAsync(string subject, string key, CancellationToken ct) =>
        await db.Submissions.AsNoTracking()
            .Where(s => s.Subject == subject && s.IdempotencyKey == key)
            .Select(s => new SubmissionReceipt(s.PublicId, s.Reference, s.FormId, s.FormVersion, s.SubmittedAt))
            .FirstOrDefaultAsync(ct);

    /// <summary>Stores valid <paramref name="data"/> and its <c>submission-received</c> event.</summary>
    /// <param name="files">The draft files the data names; they become the submission's.</param>
    public async Task<SubmissionReceipt> StoreAsync(PublishedForm form, string subject, JsonObject data, string? idempotencyKey,
        IReadOnlyList<AttachmentEntity> files, string language, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await EnsureCounterAsync(now.Year, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var entity = new SubmissionEntity
        {
            PublicId = Guid.CreateVersion7(now),
            Reference = await NextReferenceAsync(now.Year, ct),
            TenantId = form.TenantId, FormId = form.FormId, FormVersion = form.Version,
            Subject = subject, DataJson = data.ToJsonString(), IdempotencyKey = idempotencyKey, SubmittedAt = now,
        };
        db.Submissions.Add(entity);
        var received = new SubmissionReceived(entity.PublicId, entity.Reference, form.TenantId, form.FormId, form.Version, subject, now, data,
            [.. files.Select(Describe)], language);
        db.Outbox.Add(new OutboxMessage
        {
            Topic = Topics.SubmissionReceived,
            PayloadJson = JsonSerializer.Serialize(received, JsonSerializerOptions.Web),
            CreatedAt = now,
            TraceParent = System.Diagnostics.Activity.Current?.Id,
        });
        await db.SaveChangesAsync(ct);
        if (files.Count > 0)
        {
            var ids = files.Select(f => f.Id).ToList();
            var linked = await db.Attachments.Where(a => ids.Contains(a.Id) && a.SubmissionId == null)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.SubmissionId, entity.Id), ct);
            if (linked != ids.Count) throw new DbUpdateConcurrencyException("A file was removed or submitted while the submission was stored.");
        }
        await transaction.CommitAsync(ct);
        signal.Notify();
        return new SubmissionReceipt(entity.PublicId, entity.Reference, entity.FormId, entity.FormVersion, now);
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

    // The year's counter row is made once, outside the submission's transaction; two first submissions
    // of a year may both try, and the loser finds the winner's row.
    private async Task EnsureCounterAsync(int year, CancellationToken ct)
    {
        var prefix = options.ReferencePrefix;
        if (await db.ReferenceCounters.AnyAsync(c => c.Prefix == prefix && c.Year == year, ct)) return;
        var counter = new ReferenceCounter { Prefix = prefix, Year = year, Value = 0 };
        db.ReferenceCounters.Add(counter);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (!await db.ReferenceCounters.AsNoTracking().AnyAsync(c => c.Prefix == prefix && c.Year == year, ct)) throw;
        }
        finally
        {
            db.Entry(counter).State = EntityState.Detached;
        }
    }

    // The counter row is updated inside the submission's transaction: the update locks the row, so a number
    // is never given out twice and a rolled-back submission gives its number back.
    private async Task<string> NextReferenceAsync(int year, CancellationToken ct)
    {
        var prefix = options.ReferencePrefix;
        await db.ReferenceCounters.Where(c => c.Prefix == prefix && c.Year == year)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Value, x => x.Value + 1), ct);
        var value = await db.ReferenceCounters.AsNoTracking()
            .Where(c => c.Prefix == prefix && c.Year == year).Select(c => c.Value).SingleAsync(ct);
        return $"{prefix}-{year}-{value:D6}";
    }
}
