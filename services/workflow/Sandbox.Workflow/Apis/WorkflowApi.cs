using Sandbox.Workflow.EServices;

namespace Sandbox.Workflow.Apis;

public static class WorkflowApi
{
    public static IEndpointRouteBuilder MapWorkflowApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/workflow").WithTags("Workflow");
        api.MapServiceInfo("workflow");
        api.MapProcessesApi();
        api.MapProcessViewsApi();
        api.MapCasesApi();
        api.MapEventsApi();
        api.MapInstancesApi();
        api.MapTasksApi();
        api.MapJobsApi();
        api.MapMessagesApi();
        api.MapSandboxClockApi();
        api.MapEServicesApi();
        return app;
    }
}
