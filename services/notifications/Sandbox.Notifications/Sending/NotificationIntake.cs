using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MimeKit;
using Sandbox.Notifications.Data;
using Sandbox.Notifications.Events;
using Sandbox.Notifications.Templates;

namespace Sandbox.Notifications.Sending;

/// <summary>A request to notify, from the API or the event.</summary>
public sealed record NotificationRequest(string TenantId, string Template, string? Language, Recipient Recipient,
    JsonObject Data, string? Reference, string? ProcessInstanceId, string IdempotencyKey);

/// <summary>What became of a request: queued (or found queued before), or refused with reasons.</summary>
public sealed record IntakeResult(Guid? Id, bool Existing, Dictionary<string, string[]>? Errors, IReadOnlyList<string>? MissingVariables, bool TemplateNotFound)
{
    public static IntakeResult Queued(Guid id, bool existing) => new(id, existing, null, null, false);
    public static IntakeResult Invalid(string field, string message) => new(null, false, new() { [field] = [message] }, null, false);
}

/// <summary>
/// Checks a request and writes it to the queue. The same idempotency key again returns the first notification
/// instead of queuing a second. Variables the template prints must be in the data: for a known language the chosen
/// variant is checked, otherwise every variant is.
/// </summary>
public sealed partial class NotificationIntake(NotificationsDb db, TemplateStore store, TemplateCache templates, MessageRenderer renderer,
    Telemetry telemetry, TimeProvider clock, QueueSignal signal, QueueInserts inserts)
{
    public async Task<IntakeResult> AcceptAsync(NotificationRequest request, CancellationToken ct)
    {
        // The insert is tried first and the unique index answers for a known key, so a new request costs one statement.
        // A refused request is looked up too: a retry of one queued before still gets its id.
        var refusal = await CheckAsync(request, ct);
        if (refusal.Result is { } refused)
            return await db.FindRequestAsync(request.TenantId, request.IdempotencyKey, ct) is { } known ? IntakeResult.Queued(known, existing: true) : refused;
        var template = refusal.Template!;

        var row = NewRow(request, template.TemplateId, request.Language);
        row.TemplateVersion = template.Version;
        row.Channel = template.Channel;
        row.To = template.Channel == Channels.Email ? request.Recipient.Email : template.Channel == Channels.Sms ? request.Recipient.Phone : null;
        row.TraceParent = Activity.Current?.Id;
        if (await inserts.InsertAsync(row, ct) is { } first) return IntakeResult.Queued(first, existing: true);
        telemetry.Requested(row.TemplateId, row.Channel);
        signal.Notify();
        return IntakeResult.Queued(row.Id, existing: false);
    }

    /// <summary>Records a request that can never be sent (from an event, which must not be redelivered forever) as failed.</summary>
    public async Task<Guid> RecordFailedAsync(NotificationRequest request, string reason, CancellationToken ct)
    {
        var row = NewRow(request, request.Template, Languages.IsSupported(request.Language) ? request.Language : null);
        row.Status = NotificationStatus.Failed;
        row.FailureReason = reason;
        if (await inserts.InsertAsync(row, ct) is { } first) return first;
        telemetry.Failed(request.Template, "", "invalid-request");
        return row.Id;
    }

    /// <summary>A new row with what every request records: who asked, for whom, with which data, due now.</summary>
    private NotificationRow NewRow(NotificationRequest request, string templateId, string? requestedLanguage)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new NotificationRow
        {
            Id = Guid.CreateVersion7(),
            TenantId = request.TenantId,
            IdempotencyKey = request.IdempotencyKey,
            TemplateId = templateId,
            RequestedLanguage = requestedLanguage,
            RecipientSubject = request.Recipient.Subject,
            DataJson = request.Data.ToJsonString(),
            Reference = request.Reference,
            ProcessInstanceId = request.ProcessInstanceId,
            NextAttemptAt = now,
            RequestedAt = now,
        };
    }

    private async Task<(IntakeResult? Result, CachedTemplate? Template)> CheckAsync(NotificationRequest request, CancellationToken ct)
    {
        if (request.Language is not null && !Languages.IsSupported(request.Language))
            return (IntakeResult.Invalid("language", $"Unknown language; use {string.Join(", ", Languages.Supported)}."), null);
        var template = await templates.CurrentAsync(store, request.TenantId, request.Template, ct);
        if (template is null) return (new IntakeResult(null, false, null, null, TemplateNotFound: true), null);
        if (CheckRecipient(template.Channel, request.Recipient) is { } recipientError) return (IntakeResult.Invalid("recipient", recipientError), null);

        var variants = template.Variants;
        var checkedVariants = request.Language is null && request.Recipient.Subject is not null
            ? variants.Values
            : [variants[renderer.ChooseLanguage(variants, request.Language ?? renderer.DefaultLanguage(request.TenantId), request.TenantId)!]];
        var missing = checkedVariants.SelectMany(v => renderer.Missing(v, request.Data)).Distinct().ToList();
        return missing.Count > 0 ? (new IntakeResult(null, false, null, missing, false), null) : (null, template);
    }

    private static string? CheckRecipient(string channel, Recipient recipient)
    {
        if (recipient.Email is { } email && !IsEmail(email)) return $"'{email}' is not an email address.";
        if (recipient.Phone is { } phone && !Phone().IsMatch(phone)) return $"'{phone}' is not a phone number (+46701234567).";
        var reachable = channel switch
        {
            Channels.Email => recipient.Subject is not null || recipient.Email is not null,
            Channels.Sms => recipient.Subject is not null || recipient.Phone is not null,
            _ => recipient.Subject is not null,
        };
        return reachable ? null : channel == Channels.InApp
            ? "An in-app message needs a person (subject)."
            : $"A {channel} message needs a person (subject) or an {(channel == Channels.Email ? "email address" : "phone number")}.";
    }

    /// <summary>One plain address with a domain.</summary>
    public static bool IsEmail(string text) =>
        MailboxAddress.TryParse(text, out var address) && address.Address == text.Trim() && address.Address.Contains('@')
        && address.Domain.Length > 0 && !text.Contains(',') && !text.Contains(';');

    [GeneratedRegex(@"^\+?[0-9]{6,15}$")]
    private static partial Regex Phone();
}
