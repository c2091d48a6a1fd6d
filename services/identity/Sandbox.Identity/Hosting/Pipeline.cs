using Microsoft.AspNetCore.HttpOverrides;

namespace Sandbox.Identity.Hosting;

public static class Pipeline
{
    /// <summary>Routing after the path base, then authentication (OpenIddict answers its endpoints there), authorization and antiforgery.</summary>
    public static WebApplication UseIdentityPipeline(this WebApplication app)
    {
        // Behind the gateway the browser-facing host is in X-Forwarded-Host; discovery must name it.
        // Only loopback proxies are trusted (the default), which is where the gateway runs locally.
        app.UseForwardedHeaders(new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto,
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}
