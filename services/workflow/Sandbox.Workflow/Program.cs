using Sandbox.Workflow.Apis;
using Sandbox.Workflow.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDaprDefaults();
builder.AddWorkflowServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseAuthentication();
app.UseAuthorization();
app.MapDaprDefaults();
app.MapWorkflowApi();
app.Run();
