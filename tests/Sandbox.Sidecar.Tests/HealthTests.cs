namespace Sandbox.Sidecar.Tests;

public class HealthTests
{
    [Fact]
    public void SidecarAssembly_HasEntryPoint() => Assert.NotNull(typeof(Program).Assembly.EntryPoint);
}
