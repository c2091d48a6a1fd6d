using System.Security.Cryptography;
using Sandbox.AppHost;

var builder = DistributedApplication.CreateBuilder(args);
var dataDir = builder.SandboxDataDirectory();
var publicUrl = "http://localhost:" + builder.GatewayPort();
// The gateway signs browsers in as identity's "portal" client; a fresh secret at each start.
var portalSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

IResourceBuilder<ProjectResource> Service<TProject>(string name) where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithEnvironment("SANDBOX_DATA", Path.Combine(dataDir, name))
        .WithEnvironment("Sandbox__Identity__Authority", publicUrl + "/identity/")
        .WithHttpHealthCheck("/health");

// Tokens name the issuer citizens' browsers see: identity through the gateway.
var identity = Service<Projects.Sandbox_Identity>("identity")
    .WithEnvironment("Sandbox__Identity__Issuer", publicUrl + "/identity")
    .WithEnvironment("Sandbox__TestTokens__Enabled", "true")
    .WithEnvironment("Sandbox__Identity__PortalSecret", portalSecret)
    .WithEnvironment("Sandbox__Identity__PortalRedirectUris__0", publicUrl + "/signin-oidc");
var forms = Service<Projects.Sandbox_Forms>("forms");
// The sandbox clock lets a pilot show "14 days later" in seconds; it exists only in the sandbox.
var workflow = Service<Projects.Sandbox_Workflow>("workflow").WithEnvironment("Sandbox__Workflow__SandboxClock", "true");
// Every mail the sandbox sends lands in the notification service's own SMTP sink (its sandbox outbox).
var smtpPort = DaprSidecars.FreePort();
var notifications = Service<Projects.Sandbox_Notifications>("notifications")
    .WithEnvironment("Sandbox__Notifications__SmtpSink__Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
var portal = Service<Projects.Sandbox_Portal>("portal")
    .WithReference(identity).WithReference(forms).WithReference(workflow).WithReference(notifications);
// A plugin as an ICT company would write one: the workflow pushes distance-check jobs to it through Dapr.
var distanceCheck = Service<Projects.Sandbox_Plugins_DistanceCheck>("distance-check");

IResourceBuilder<ProjectResource>[] services = [identity, forms, workflow, notifications, portal];
builder.AddDaprSidecars(dataDir, smtpPort, [.. services, distanceCheck]);
builder.AddGateway(services)
    .WithEnvironment("SANDBOX_DATA", Path.Combine(dataDir, "gateway"))
    .WithEnvironment("Gateway__SignIn__Authority", publicUrl + "/identity")
    .WithEnvironment("Gateway__SignIn__ClientSecret", portalSecret);
builder.Build().Run();
