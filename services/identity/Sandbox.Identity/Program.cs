using Sandbox.Identity.Apis;
using Sandbox.Identity.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityServices();

var app = builder.Build();
// The gateway forwards /identity/** unchanged; the issuer lives under that prefix.
app.UsePathBase("/identity");
app.MapDefaultEndpoints();
app.UseIdentityPipeline();
app.MapIdentityApi();
app.MapTenantsApi();
app.MapConnectApi();
app.MapLoginApi();
app.MapTestTokensApi();
app.MapPeopleApi();
app.MapAdminTenantsApi();
app.MapAdminPersonasApi();
app.MapAdminStaffApi();
app.MapAdminClientsApi();
app.Run();
