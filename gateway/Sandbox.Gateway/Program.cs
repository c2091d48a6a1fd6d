using Sandbox.Gateway;
using Sandbox.Gateway.SignIn;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseGateway();
app.MapServiceHealth();
app.MapSignIn();
app.MapReverseProxy();
app.Run();
