namespace Sandbox.Forms.Apis;

public static class FormsApi
{
    public static IEndpointRouteBuilder MapFormsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/forms").WithTags("Forms");
        api.MapServiceInfo("forms");
        return app;
    }
}
