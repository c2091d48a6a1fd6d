using Microsoft.Extensions.Options;

namespace Sandbox.Gateway;

/// <summary>Sets the browser security headers on every response that leaves the sandbox.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<GatewayOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            Apply(context.Response.Headers, options.Value.ContentSecurityPolicy);
            return Task.CompletedTask;
        });
        return next(context);
    }

    internal static void Apply(IHeaderDictionary headers, string contentSecurityPolicy)
    {
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // Which server software answers is nobody's business outside the sandbox.
        headers.Remove("Server");
    }
}
