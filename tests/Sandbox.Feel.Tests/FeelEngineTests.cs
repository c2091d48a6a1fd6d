namespace Sandbox.Feel.Tests;

public class FeelEngineTests
{
    [Fact]
    public void Engine_TypeIsPublic() => Assert.True(typeof(FeelEngine).IsPublic);
}
