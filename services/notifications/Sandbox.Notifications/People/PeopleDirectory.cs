using System.Net;
using System.Net.Http.Json;
using Dapr.Client;

namespace Sandbox.Notifications.People;

/// <summary>A person as identity knows them: contact details and preferred language.</summary>
public sealed record Person(string Subject, string? TenantId, string? GivenName, string? FamilyName, string? Email, string? Phone, string? PreferredLanguage);

/// <summary>Finds a person's contact details. An exception means "try again later"; null means the person is unknown.</summary>
public interface IPeopleDirectory
{
    /// <summary>The person, or null when identity does not know the subject.</summary>
    Task<Person?> FindAsync(string subject, CancellationToken ct);
}

/// <summary>Asks the identity service through Dapr invocation (app <c>identity</c>, method <c>internal/people/{subject}</c>).</summary>
public sealed class DaprPeopleDirectory(DaprClient dapr) : IPeopleDirectory
{
    /// <summary>The identity service's Dapr app id.</summary>
    public const string AppId = "identity";

    private readonly HttpClient _http = dapr.CreateInvokableHttpClient(AppId);

    public async Task<Person?> FindAsync(string subject, CancellationToken ct)
    {
        using var response = await _http.GetAsync($"internal/people/{Uri.EscapeDataString(subject)}", ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Person>(ct);
    }
}
