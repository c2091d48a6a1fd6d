using Dapr;
using Dapr.Client;
using Microsoft.EntityFrameworkCore;
using Sandbox.Forms.Data;
using Sandbox.Forms.Domain;
using Sandbox.Forms.Hosting;

namespace Sandbox.Forms.Attachments;

/// <summary>What a citizen and the submission event see of an attachment.</summary>
public sealed record AttachmentInfo(Guid Id, string FileName, string ContentType, long Size)
{
    /// <summary>The filepicker key it was uploaded for, if any.</summary>
    public string? Field { get; init; }

    internal static AttachmentInfo From(AttachmentEntity a) => new(a.PublicId, a.FileName, a.ContentType, a.Size) { Field = a.Field };
}

/// <summary>Why an upload was refused.</summary>
public enum UploadRefusal { None, TooLarge, TooMany, UnknownType, NotAccepted, Infected, ScannerUnavailable }

/// <summary>
/// Attachments: the bytes go to the Dapr <c>attachments</c> output binding under a generated key, the facts to the
/// database. A file belongs to its uploader's draft until a submission names it.
/// </summary>
public sealed class AttachmentFiles(DaprClient dapr, FormsDbContext db, IVirusScanner scanner, FormsOptions options,
    TimeProvider clock, ILogger<AttachmentFiles> logger)
{
    /// <summary>Checks, scans and stores an upload; the refusal says why nothing was stored.</summary>
    public async Task<(AttachmentInfo? Stored, UploadRefusal Refusal)> UploadAsync(DraftOwner owner, string? field, string? accept,
        string? fileName, byte[] content, CancellationToken ct)
    {
        if (content.Length > options.MaxAttachmentBytes) return (null, UploadRefusal.TooLarge);
        if (await DraftFiles(owner).CountAsync(ct) >= options.MaxAttachmentsPerDraft) return (null, UploadRefusal.TooMany);
        ScanVerdict verdict;
        try
        {
            verdict = await scanner.ScanAsync(content, fileName ?? "", ct);
        }
        catch (VirusScannerUnavailableException e)
        {
            logger.LogError(e, "Upload for form {FormId} refused: the virus scanner is not available", owner.FormId);
            return (null, UploadRefusal.ScannerUnavailable);
        }
        if (!verdict.Clean)
        {
            logger.LogWarning("Upload for form {FormId} refused by the virus scanner: {Threat}", owner.FormId, verdict.Threat);
            return (null, UploadRefusal.Infected);
        }
        var type = FileTypes.Sniff(content);
        if (type is null) return (null, UploadRefusal.UnknownType);
        if (!FileTypes.IsAllowed(type, accept)) return (null, UploadRefusal.NotAccepted);

        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var entity = new AttachmentEntity
        {
            PublicId = id, TenantId = owner.TenantId, Subject = owner.Subject, FormId = owner.FormId, Field = field,
            FileName = FileNames.Sanitize(fileName, type), ContentType = type.ContentType, Size = content.Length,
            StorageKey = id.ToString("n"), UploadedAt = clock.GetUtcNow(),
        };
        await InvokeAsync("create", entity.StorageKey, content, ct);
        db.Attachments.Add(entity);
        await db.SaveChangesAsync(ct);
        return (AttachmentInfo.From(entity), UploadRefusal.None);
    }

    /// <summary>The attachment with this id in a tenant, or null.</summary>
    public Task<AttachmentEntity?> FindAsync(string tenantId, Guid id, CancellationToken ct) =>
        db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.PublicId == id && a.TenantId == tenantId, ct);

    /// <summary>The stored bytes of an attachment.</summary>
    public async Task<byte[]> ReadAsync(AttachmentEntity attachment, CancellationToken ct)
    {
        var response = await InvokeAsync("get", attachment.StorageKey, null, ct);
        return response.Data.ToArray();
    }

    /// <summary>The files of a draft, oldest first.</summary>
    public async Task<List<AttachmentInfo>> OfDraftAsync(DraftOwner owner, CancellationToken ct) =>
        [.. (await DraftFiles(owner).OrderBy(a => a.Id).ToListAsync(ct)).Select(AttachmentInfo.From)];

    /// <summary>The draft files among <paramref name="ids"/> (others are not the owner's or already submitted).</summary>
    public Task<List<AttachmentEntity>> DraftFilesAsync(DraftOwner owner, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        DraftFiles(owner).Where(a => ids.Contains(a.PublicId)).ToListAsync(ct);

    /// <summary>The files of a submission.</summary>
    public async Task<List<AttachmentInfo>> OfSubmissionAsync(long submissionId, CancellationToken ct) =>
        [.. (await db.Attachments.AsNoTracking().Where(a => a.SubmissionId == submissionId).OrderBy(a => a.Id).ToListAsync(ct)).Select(AttachmentInfo.From)];

    /// <summary>Removes one draft file; false when it is not a draft file of the owner.</summary>
    public async Task<bool> DeleteDraftFileAsync(string tenantId, string subject, Guid id, CancellationToken ct)
    {
        var file = await db.Attachments.FirstOrDefaultAsync(a => a.PublicId == id && a.TenantId == tenantId && a.Subject == subject && a.SubmissionId == null, ct);
        if (file is null) return false;
        await RemoveAsync([file], ct);
        return true;
    }

    /// <summary>Removes every file of a draft that no submission took.</summary>
    public async Task DeleteUnsubmittedAsync(DraftOwner owner, CancellationToken ct) =>
        await RemoveAsync(await DraftFiles(owner).AsTracking().ToListAsync(ct), ct);

    private async Task RemoveAsync(List<AttachmentEntity> files, CancellationToken ct)
    {
        foreach (var file in files)
        {
            try { await InvokeAsync("delete", file.StorageKey, null, ct); }
            catch (DaprException e) { logger.LogWarning(e, "Attachment {StorageKey} could not be removed from storage", file.StorageKey); }
        }
        db.Attachments.RemoveRange(files);
        await db.SaveChangesAsync(ct);
    }

    private IQueryable<AttachmentEntity> DraftFiles(DraftOwner owner) =>
        db.Attachments.AsNoTracking().Where(a => a.TenantId == owner.TenantId && a.Subject == owner.Subject && a.FormId == owner.FormId && a.SubmissionId == null);

    private Task<BindingResponse> InvokeAsync(string operation, string key, byte[]? content, CancellationToken ct)
    {
        var request = new BindingRequest(options.AttachmentsBinding, operation) { Data = content ?? [] };
        request.Metadata["fileName"] = key;
        return dapr.InvokeBindingAsync(request, ct);
    }
}
