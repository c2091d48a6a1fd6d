namespace Sandbox.Workflow.EServices;

/// <summary>Registers e-service packages and the catalog the runtime reads.</summary>
public static class EServiceServices
{
    /// <summary>The catalog, the package validator and publisher, and the Dapr targets (replaceable: register another <see cref="IPackageTargets"/> after this).</summary>
    public static WebApplicationBuilder AddEServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("Sandbox:Workflow:Packages").Get<PackageLimits>() ?? new PackageLimits());
        builder.Services.AddSingleton<PackageValidator>();
        builder.Services.AddScoped<EServiceCatalog>();
        builder.Services.AddScoped<IEServiceCatalog>(sp => sp.GetRequiredService<EServiceCatalog>());
        builder.Services.AddScoped<Runtime.IEServiceNames>(sp => sp.GetRequiredService<EServiceCatalog>());
        builder.Services.AddScoped<EServicePublisher>();
        builder.Services.AddSingleton<IPackageTargets, DaprPackageTargets>();
        return builder;
    }
}
