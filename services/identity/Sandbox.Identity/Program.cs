using Sandbox.Identity.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var app = builder.Build();
// The gateway forwards /identity/** unchanged; the issuer lives under that prefix.
app.UsePathBase("/identity");
app.MapDefaultEndpoints();
app.MapIdentityApi();
app.MapTenantsApi();
app.Run();
