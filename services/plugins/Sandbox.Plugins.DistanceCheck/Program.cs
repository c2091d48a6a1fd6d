using Sandbox.Plugins.DistanceCheck;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDaprAppToken();
builder.Services.AddSingleton<DistanceTelemetry>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseAuthentication();
app.UseAuthorization();
app.MapDistanceCheckJob();
app.Run();
