using Sandbox.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseGateway();
app.MapServiceHealth();
app.MapReverseProxy();
app.Run();
