using Sandbox.Forms.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDaprDefaults();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapDaprDefaults();
app.MapFormsApi();
app.Run();
