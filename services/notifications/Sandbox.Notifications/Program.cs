using Dapr;
using Sandbox.Notifications.Apis;
using Sandbox.Notifications.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDaprDefaults();
builder.AddNotificationsServices();

var app = builder.Build();
app.MapDefaultEndpoints();
// The event's traceparent is passed on as a header, so the notification continues the sender's trace.
app.UseCloudEvents(new CloudEventsMiddlewareOptions { ForwardCloudEventPropertiesAsHeaders = true, IncludedCloudEventPropertiesAsHeaders = ["traceparent"] });
app.UseAuthentication();
app.UseAuthorization();
app.MapSubscribeHandler();
app.MapNotificationsApi();
app.Run();

/// <summary>The entry point, visible to the integration tests.</summary>
public partial class Program;
