using Sandbox.Sidecar.Components;
using Sandbox.Sidecar.Hosting;

SidecarOptions options;
ResourceSet resources;
try
{
    options = SidecarOptions.Parse(args, Environment.GetEnvironmentVariable);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine($"error: {error.Message}\n{SidecarOptions.Usage}");
    return 2;
}
try
{
    resources = ResourceLoader.Load(options.ResourcesPath);
    var app = SidecarHost.Build(options, resources);
    // Build the components now so a bad one stops the start with its file and line, before any port opens.
    app.Services.GetRequiredService<ComponentHost>();
    await app.RunAsync();
    return 0;
}
catch (ResourceException error)
{
    Console.Error.WriteLine($"error: cannot load resources: {error.Message}");
    return 1;
}
