namespace Sandbox.Identity.Apis;

public static class IdentityApi
{
    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/").WithTags("Identity").MapServiceInfo("identity");
        return app;
    }
}
