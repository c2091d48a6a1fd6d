using System.Diagnostics;

namespace Sandbox.Gateway;

/// <summary>
/// Gives every request a correlation id: the caller's own when it is sane, else a new one. The id
/// goes to the service behind the gateway, back to the caller, and onto the trace and log scope.
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";
    private const int MaxLength = 64;

    public async Task InvokeAsync(HttpContext context)
    {
        var id = Accept(context.Request.Headers[Header].ToString());
        context.Request.Headers[Header] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("correlation.id", id);
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }

    /// <summary>Keeps a caller's id only if it is short and plain, so it cannot smuggle text into logs or headers.</summary>
    internal static string Accept(string? incoming) =>
        IsPlain(incoming) ? incoming! : Guid.NewGuid().ToString("N");

    private static bool IsPlain(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength &&
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
