using Sandbox.Workflow.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapWorkflowApi();
app.Run();
