using Sandbox.Portal;
using Sandbox.Portal.Clients;
using Sandbox.Portal.Localization;
using Sandbox.Portal.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPortalSecurity();
builder.Services.AddPortalPages(builder.Configuration);
builder.Services.AddPortalLocalization();
builder.Services.AddPortalClients();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UsePortalErrorPages();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.MapStaticAssets();
app.MapRazorPages();
app.MapLanguageSwitch();
app.MapGroup("/api/portal").WithTags("Portal").MapServiceInfo("portal");
app.Run();

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
