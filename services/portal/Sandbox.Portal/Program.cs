using Sandbox.Portal.Clients;
using Sandbox.Portal.Localization;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddRazorPages();
builder.Services.AddPortalLocalization();
builder.Services.AddPortalClients();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseRequestLocalization();
app.MapStaticAssets();
app.MapRazorPages();
app.MapLanguageSwitch();
app.MapGroup("/api/portal").WithTags("Portal").MapServiceInfo("portal");
app.Run();
