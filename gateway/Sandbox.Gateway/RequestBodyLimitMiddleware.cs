using Microsoft.Extensions.Options;

namespace Sandbox.Gateway;

/// <summary>
/// Refuses a declared body over the limit before anything is forwarded. Kestrel's own limit
/// (set to the same value) stops chunked bodies that grow past it while streaming.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<GatewayOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            GatewayTelemetry.BodyTooLarge.Add(1);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new()
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"The body is {context.Request.ContentLength} bytes; the most the sandbox accepts is {limit} bytes.",
                },
            });
            return;
        }
        await next(context);
    }
}
