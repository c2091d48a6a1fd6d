using Sandbox.Forms.Apis;
using Sandbox.Forms.Hosting;
using Sandbox.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDaprDefaults();
builder.AddSandboxAuthentication("forms");
builder.AddFormsServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseAuthentication();
app.UseAuthorization();
app.MapDaprDefaults();
app.MapFormsApi();
app.MapDefinitionsApi();
app.MapSubmissionsApi();
app.MapDraftsApi();
app.MapAttachmentsApi();
app.MapFormEventsApi();
app.Run();

/// <summary>The entry point, visible to the integration tests.</summary>
public partial class Program;
