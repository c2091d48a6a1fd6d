using System.Globalization;
using System.Text.Json.Nodes;
using Dapr;
using Dapr.Client;
using Microsoft.EntityFrameworkCore;
using Sandbox.Forms.Data;
using Sandbox.Forms.Attachments;
using Sandbox.Forms.Hosting;

namespace Sandbox.Forms.Domain;

/// <summary>A draft as kept in the state store.</summary>
public sealed record DraftState(JsonObject Data, int FormVersion, DateTimeOffset StartedAt, DateTimeOffset SavedAt, DateTimeOffset ExpiresAt);

/// <summary>A draft with the etag of the stored value.</summary>
public sealed record Draft(DraftState State, string Etag);

/// <summary>
/// Citizens' drafts in the Dapr state store, one per citizen, tenant and form, with an etag (first write wins) and a
/// time to live renewed by every save. A row per draft in the database records when it was started and when it
/// expires, for telemetry and for removing the files of drafts nobody came back to.
/// </summary>
public sealed class Drafts(DaprClient dapr, FormsDbContext db, AttachmentFiles attachments, FormsOptions options, TimeProvider clock, Telemetry telemetry, ILogger<Drafts> logger)
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    /// <summary>The draft, or null when there is none (never saved, deleted, submitted or expired).</summary>
    public async Task<Draft?> GetAsync(DraftOwner owner, CancellationToken ct)
    {
        var (state, etag) = await dapr.GetStateAndETagAsync<DraftState?>(options.StateStore, owner.StateKey, cancellationToken: ct);
        return state is null ? null : new Draft(state, etag);
    }

    /// <summary>
    /// Saves <paramref name="data"/>: over the draft whose etag is <paramref name="ifMatch"/>, or, without one, only
    /// when no draft exists. Null when the etag is stale (or a draft exists and none was given).
    /// </summary>
    public async Task<Draft?> SaveAsync(DraftOwner owner, PublishedForm form, JsonObject data, string? ifMatch, CancellationToken ct)
    {
        var current = await GetAsync(owner, ct);
        if (ifMatch is null ? current is not null : current is null || current.Etag != ifMatch) return null;

        var now = clock.GetUtcNow();
        var state = new DraftState(data, form.Version, current?.State.StartedAt ?? now, now, now.Add(options.DraftTtl));
        var metadata = new Dictionary<string, string>
        {
            ["ttlInSeconds"] = ((long)options.DraftTtl.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        };
        if (!await dapr.TrySaveStateAsync(options.StateStore, owner.StateKey, state, ifMatch ?? "", FirstWrite, metadata, ct)) return null;

        await RecordActivityAsync(owner, form.Version, state.StartedAt, state.ExpiresAt, ct);
        telemetry.DraftSaved(form.FormId, form.Version);
        var saved = await GetAsync(owner, ct);
        return saved ?? throw new InvalidOperationException("The draft just saved cannot be read back.");
    }

    /// <summary>Removes the draft and the files that belong to it only; false when there was none.</summary>
    public async Task<bool> DeleteAsync(DraftOwner owner, CancellationToken ct)
    {
        var existed = await GetAsync(owner, ct) is not null;
        await dapr.DeleteStateAsync(options.StateStore, owner.StateKey, cancellationToken: ct);
        await attachments.DeleteUnsubmittedAsync(owner, ct);
        await db.DraftActivity.Where(d => d.TenantId == owner.TenantId && d.Subject == owner.Subject && d.FormId == owner.FormId)
            .ExecuteDeleteAsync(ct);
        return existed;
    }

    /// <summary>
    /// After a submission: the draft and its unused files go, and the time from its start is recorded. Without a
    /// started draft there is nothing to do. The submission is already stored, so a failure here is only logged:
    /// the draft then expires by its time to live.
    /// </summary>
    public async Task CompleteAsync(DraftOwner owner, PublishedForm form, CancellationToken ct)
    {
        var activity = await FindActivityAsync(owner, ct);
        if (activity is null) return;
        telemetry.Completed(form.FormId, form.Version, clock.GetUtcNow() - activity.StartedAt);
        try
        {
            await DeleteAsync(owner, ct);
        }
        catch (Exception e) when (e is DaprException or DbUpdateException)
        {
            logger.LogWarning(e, "The draft of form {FormId} could not be removed after its submission", owner.FormId);
        }
    }

    /// <summary>Makes sure a started draft is recorded (an upload may come before the first save).</summary>
    public async Task TouchAsync(DraftOwner owner, PublishedForm form, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var activity = await FindActivityAsync(owner, ct);
        if (activity is null || activity.ExpiresAt <= now) await RecordActivityAsync(owner, form.Version, now, now.Add(options.DraftTtl), ct);
    }

    private async Task RecordActivityAsync(DraftOwner owner, int version, DateTimeOffset startedAt, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var activity = await FindActivityAsync(owner, ct);
        if (activity is not null && activity.ExpiresAt <= clock.GetUtcNow())
        {
            // Expired before the sweep saw it: it counts as abandoned, and this save starts a new draft.
            telemetry.Abandoned(owner.FormId, activity.FormVersion);
            db.DraftActivity.Remove(activity);
            await db.SaveChangesAsync(ct);
            activity = null;
        }
        if (activity is null)
        {
            db.DraftActivity.Add(new DraftActivity
            {
                TenantId = owner.TenantId, Subject = owner.Subject, FormId = owner.FormId, FormVersion = version,
                StartedAt = startedAt, ExpiresAt = expiresAt,
            });
            telemetry.DraftStarted(owner.FormId, version);
        }
        else
        {
            activity.FormVersion = version;
            activity.ExpiresAt = expiresAt;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first saves at once: the other one recorded the start.
            db.ChangeTracker.Clear();
        }
    }

    private Task<DraftActivity?> FindActivityAsync(DraftOwner owner, CancellationToken ct) =>
        db.DraftActivity.FirstOrDefaultAsync(d => d.TenantId == owner.TenantId && d.Subject == owner.Subject && d.FormId == owner.FormId, ct);
}
