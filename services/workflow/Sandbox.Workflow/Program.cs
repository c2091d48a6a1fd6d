using Sandbox.Workflow.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDaprDefaults();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapDaprDefaults();
app.MapWorkflowApi();
app.Run();
