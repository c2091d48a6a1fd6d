using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Sandbox.Notifications.Data;
using Sandbox.Notifications.Hosting;
using Sandbox.Notifications.People;
using Sandbox.Notifications.Templates;

namespace Sandbox.Notifications.Sending;

/// <summary>A message rendered for its recipient, with what the queue row keeps of it.</summary>
public sealed record PreparedMessage(OutgoingMessage Outgoing, string Language);

/// <summary>
/// Finds the recipient (identity, when a person is named) and renders the template version the request was queued
/// with, in the person's language by the fallback order.
/// </summary>
public sealed class MessagePreparer(IServiceScopeFactory scopes, IPeopleDirectory people, MessageRenderer renderer, TemplateCache templates,
    NotificationsOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (Person Person, DateTime Until)> _people = new();

    public async Task<PreparedMessage> PrepareAsync(NotificationRow row, CancellationToken ct)
    {
        if (row.Text is not null && row.Language is not null && row.To is not null)
            return new PreparedMessage(new OutgoingMessage(row.Id, row.TenantId, row.Channel, row.To, row.Subject, row.Text, row.Html), row.Language);

        Person? person = null;
        var needsPerson = row.RecipientSubject is not null && (row.RequestedLanguage is null || (row.To is null && row.Channel != Channels.InApp));
        if (needsPerson)
        {
            person = await FindPersonAsync(row.RecipientSubject!, ct)
                ?? throw new DeliveryException($"Identity does not know the person '{row.RecipientSubject}'.", permanent: true);
            if (person.TenantId is { Length: > 0 } personTenant && !string.Equals(personTenant, row.TenantId, StringComparison.OrdinalIgnoreCase))
                throw new DeliveryException($"The person '{row.RecipientSubject}' belongs to another tenant.", permanent: true);
        }
        var to = row.To ?? row.Channel switch
        {
            Channels.Email => person?.Email is { Length: > 0 } email ? email
                : throw new DeliveryException("The person has no email address.", permanent: true),
            Channels.Sms => person?.Phone is { Length: > 0 } phone ? phone
                : throw new DeliveryException("The person has no phone number.", permanent: true),
            _ => row.RecipientSubject!,
        };
        var language = row.RequestedLanguage
            ?? (Languages.IsSupported(person?.PreferredLanguage) ? person!.PreferredLanguage! : renderer.DefaultLanguage(row.TenantId));
        var variants = await VariantsAsync(row, ct);
        var data = JsonNode.Parse(row.DataJson) as JsonObject ?? [];
        var rendered = renderer.Render(row.Channel, variants, language, row.TenantId, data, row.Id);
        return new PreparedMessage(new OutgoingMessage(row.Id, row.TenantId, row.Channel, to, rendered.Subject, rendered.Text, rendered.Html), rendered.Language);
    }

    private async Task<IReadOnlyDictionary<string, TemplateVariant>> VariantsAsync(NotificationRow row, CancellationToken ct)
    {
        if (templates.Known(row.TenantId, row.TemplateId, row.TemplateVersion) is { } known) return known.Variants;
        await using var scope = scopes.CreateAsyncScope();
        var template = await templates.VersionAsync(scope.ServiceProvider.GetRequiredService<TemplateStore>(), row.TenantId, row.TemplateId, row.TemplateVersion, ct)
            ?? throw new DeliveryException($"Template {row.TemplateId} version {row.TemplateVersion} no longer exists.", permanent: true);
        return template.Variants;
    }

    /// <summary>A person found is kept for <c>PeopleCacheTime</c>, so a burst of messages to one person asks identity once.</summary>
    private async Task<Person?> FindPersonAsync(string subject, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_people.TryGetValue(subject, out var hit) && hit.Until > now) return hit.Person;
        var person = await people.FindAsync(subject, ct);
        if (person is not null && options.PeopleCacheTime > TimeSpan.Zero)
        {
            if (_people.Count > 10_000) _people.Clear();
            _people[subject] = (person, now + options.PeopleCacheTime);
        }
        return person;
    }
}
