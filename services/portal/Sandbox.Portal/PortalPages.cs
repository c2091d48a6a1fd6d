using Microsoft.AspNetCore.DataProtection;
using Sandbox.Portal.Security;

namespace Sandbox.Portal;

/// <summary>Razor Pages with the access rule of each folder, and the friendly error pages.</summary>
public static class PortalPages
{
    /// <summary>Citizen pages need a citizen, Work a caseworker, Design a designer or administrator.</summary>
    public static IServiceCollection AddPortalPages(this IServiceCollection services, IConfiguration configuration)
    {
        // Antiforgery tokens in open pages must survive a portal restart when the app host gives a data folder.
        if (configuration["SANDBOX_DATA"] is { Length: > 0 } data)
        {
            services.AddDataProtection().SetApplicationName("sandbox-portal").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(data, "keys")));
        }
        services.AddScoped<Pages.Apply.ApplicationForm>();
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Apply", PortalSecurity.Citizen);
            options.Conventions.AuthorizeFolder("/Cases", PortalSecurity.Citizen);
            options.Conventions.AuthorizeFolder("/Messages", PortalSecurity.Citizen);
            options.Conventions.AuthorizeFolder("/Work", PortalSecurity.Caseworker);
            options.Conventions.AuthorizeFolder("/Design", PortalSecurity.Designer);
        });
        return services;
    }

    /// <summary>
    /// Errors and error statuses re-run as <c>/error</c>: a localized page, never a stack trace. Runs inside the
    /// service defaults' handler, so the portal's pages answer HTML while the API group keeps ProblemDetails.
    /// </summary>
    public static WebApplication UsePortalErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }
}
