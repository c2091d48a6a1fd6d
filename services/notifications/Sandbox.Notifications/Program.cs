using Sandbox.Notifications.Apis;
using Sandbox.Notifications.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDaprDefaults();
builder.AddNotificationsServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseCloudEventTraceParent();
app.UseCloudEvents();
app.UseAuthentication();
app.UseAuthorization();
app.MapSubscribeHandler();
app.MapNotificationsApi();
app.Run();

/// <summary>The entry point, visible to the integration tests.</summary>
public partial class Program;
