using System.Net;

namespace Sandbox.Portal.Clients;

/// <summary>
/// A service answered with an error the page cannot handle itself. The error page turns it into a
/// friendly message (or, for 401, a new sign-in); the detail stays in the log.
/// </summary>
public sealed class ServiceException(string service, HttpStatusCode status, string? detail)
    : Exception($"The {service} service answered {(int)status}: {detail}")
{
    /// <summary>The service that answered (forms, workflow, notifications, identity).</summary>
    public string Service { get; } = service;

    /// <summary>The status it answered with.</summary>
    public HttpStatusCode Status { get; } = status;
}

/// <summary>Field errors a service answered with (RFC 7807 validation problem <c>errors</c>).</summary>
public sealed record FieldErrors(IReadOnlyDictionary<string, string[]> Errors, string? Title)
{
    /// <summary>True when there is at least one message.</summary>
    public bool Any => Errors.Count > 0;
}

internal static class ResponseChecks
{
    private sealed record Problem(string? Title, string? Detail, Dictionary<string, string[]>? Errors);

    /// <summary>Throws <see cref="ServiceException"/> for any answer that is not a success.</summary>
    public static async Task EnsureAsync(this HttpResponseMessage response, string service, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(ct);
        throw new ServiceException(service, response.StatusCode, body.Length > 500 ? body[..500] : body);
    }

    /// <summary>A 400 with an <c>errors</c> map becomes <see cref="FieldErrors"/>; other failures throw.</summary>
    public static async Task<FieldErrors?> FieldErrorsOrThrowAsync(this HttpResponseMessage response, string service, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return null;
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var problem = await ReadProblemAsync(response, ct);
            if (problem?.Errors is { Count: > 0 } errors) return new FieldErrors(errors, problem.Title);
            if (problem is not null) return new FieldErrors(new Dictionary<string, string[]>(), problem.Detail ?? problem.Title);
        }
        await response.EnsureAsync(service, ct);
        return null;
    }

    private static async Task<Problem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<Problem>(ct);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
