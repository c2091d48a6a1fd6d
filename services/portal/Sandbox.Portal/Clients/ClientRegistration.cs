namespace Sandbox.Portal.Clients;

public static class ClientRegistration
{
    public static IServiceCollection AddPortalClients(this IServiceCollection services)
    {
        // "identity" is resolved by service discovery (the app host names each service).
        services.AddHttpClient<IdentityClient>(http => http.BaseAddress = new Uri("http://identity"));
        return services;
    }
}
