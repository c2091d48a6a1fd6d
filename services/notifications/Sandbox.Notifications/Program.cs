using Sandbox.Notifications.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapNotificationsApi();
app.Run();
