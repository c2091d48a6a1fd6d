namespace Sandbox.Sidecar.Http;

/// <summary>A span per HTTP API call, named after the building block (<c>state</c>, <c>publish</c>, <c>invoke</c> …).</summary>
public sealed class ApiActivityMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!Telemetry.Source.HasListeners())
        {
            await next(context);
            return;
        }
        var segments = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (segments.Length < 2 || !segments[0].StartsWith("v1.0", StringComparison.Ordinal) || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            await next(context);
            return;
        }
        using var activity = Telemetry.StartApiActivity($"{context.Request.Method} {segments[1]}", context.App().Id, context.Request.Headers["traceparent"].FirstOrDefault());
        await next(context);
        activity?.SetTag("http.response.status_code", context.Response.StatusCode);
    }
}
