using Microsoft.Extensions.Http.Resilience;

namespace Sandbox.Portal.Clients;

/// <summary>The typed clients of the services the portal calls, each forwarding the user's token.</summary>
public static class ClientRegistration
{
    /// <summary>Registers the clients; base addresses are service names resolved by service discovery.</summary>
    public static IServiceCollection AddPortalClients(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        // A form post, draft save, decision or clock move is sent once: a retry after a lost answer could do it twice.
        services.PostConfigureAll<HttpStandardResilienceOptions>(o => o.Retry.DisableForUnsafeHttpMethods());
        services.AddTransient<ForwardingHandler>();
        services.AddHttpClient<IdentityClient>(http => http.BaseAddress = new Uri("http://identity")).AddHttpMessageHandler<ForwardingHandler>();
        services.AddHttpClient<FormsClient>(http => http.BaseAddress = new Uri("http://forms")).AddHttpMessageHandler<ForwardingHandler>();
        services.AddHttpClient<WorkflowClient>(http => http.BaseAddress = new Uri("http://workflow")).AddHttpMessageHandler<ForwardingHandler>();
        services.AddHttpClient<NotificationsClient>(http => http.BaseAddress = new Uri("http://notifications")).AddHttpMessageHandler<ForwardingHandler>();
        return services;
    }
}
