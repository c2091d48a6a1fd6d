using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Sandbox.Security;

/// <summary>JWT bearer validation of the Sandbox identity service's access tokens.</summary>
public static class SecurityExtensions
{
    /// <summary>Configuration section: <c>Sandbox:Identity:Authority</c>.</summary>
    public const string AuthorityKey = "Sandbox:Identity:Authority";

    /// <summary>The authority a service uses when none is configured: the identity service through the gateway.</summary>
    public const string DefaultAuthority = "http://localhost:8080/identity/";

    /// <summary>
    /// Validates bearer tokens issued by the identity service for <paramref name="audience"/> (the
    /// service's name, e.g. <c>forms</c>) and registers the <see cref="Policies"/>. The authority is
    /// read from <c>Sandbox:Identity:Authority</c>; its discovery document gives the signing keys.
    /// </summary>
    public static TBuilder AddSandboxAuthentication<TBuilder>(this TBuilder builder, string audience,
        Action<JwtBearerOptions>? configure = null) where TBuilder : IHostApplicationBuilder
    {
        var authority = builder.Configuration[AuthorityKey] ?? DefaultAuthority;
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = authority;
                options.Audience = audience;
                options.RequireHttpsMetadata = authority.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = SandboxClaims.Subject;
                options.TokenValidationParameters.RoleClaimType = SandboxClaims.Role;
                // Only access tokens: an identity token (typ JWT) must never open an API.
                options.TokenValidationParameters.ValidTypes = ["at+jwt"];
                configure?.Invoke(options);
            });
        builder.Services.AddSandboxAuthorization();
        return builder;
    }

    /// <summary>Registers the shared policies and the tenant scope handler (done by <see cref="AddSandboxAuthentication"/>).</summary>
    public static IServiceCollection AddSandboxAuthorization(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, TenantScopeHandler>());
        services.AddAuthorizationBuilder().AddSandboxPolicies();
        return services;
    }
}
