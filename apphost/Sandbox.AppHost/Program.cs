using Sandbox.AppHost;

var builder = DistributedApplication.CreateBuilder(args);
var dataDir = builder.SandboxDataDirectory();

IResourceBuilder<ProjectResource> Service<TProject>(string name) where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithEnvironment("SANDBOX_DATA", Path.Combine(dataDir, name))
        .WithHttpHealthCheck("/health");

var identity = Service<Projects.Sandbox_Identity>("identity");
var forms = Service<Projects.Sandbox_Forms>("forms");
var workflow = Service<Projects.Sandbox_Workflow>("workflow");
var notifications = Service<Projects.Sandbox_Notifications>("notifications");
var portal = Service<Projects.Sandbox_Portal>("portal").WithReference(identity);

IResourceBuilder<ProjectResource>[] services = [identity, forms, workflow, notifications, portal];
builder.AddDaprSidecars(dataDir, services);
builder.AddGateway(services);
builder.Build().Run();
